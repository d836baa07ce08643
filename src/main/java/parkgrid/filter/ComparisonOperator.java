package parkgrid.filter;

/** The six CQL2 binary comparison operators, with their text (and SQL) symbol. */
public enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) { this.symbol = symbol; }

    /** The CQL2 text symbol, which is also the SQL one, e.g. {@code <>}. */
    public String symbol() { return symbol; }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public ComparisonOperator converse() {
        return switch (this) {
            case EQUAL, NOT_EQUAL -> this;
            case LESS -> GREATER;
            case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
            case GREATER -> LESS;
            case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
        };
    }

    /** True for the ordering operators ({@code <, <=, >, >=}), whose string result depends on collation. */
    public boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Whether a comparison result ({@code <0, 0, >0}, as from {@code compareTo}) satisfies this operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQUAL -> comparison == 0;
            case NOT_EQUAL -> comparison != 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
        };
    }

    /** The operator for a symbol, or null. */
    static ComparisonOperator fromSymbol(String symbol) {
        for (ComparisonOperator op : values()) {
            if (op.symbol.equals(symbol)) return op;
        }
        return null;
    }
}
