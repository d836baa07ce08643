package parkgrid.imports;

/**
 * One thing wrong with an imported file.
 *
 * @param feature the feature's number in file order, from 1; null when the problem is the file's, not a feature's
 * @param id      the feature's id as it would be stored, or null
 * @param field   what is wrong: a property name, {@code geometry}, {@code id}, or {@code file}
 * @param reason  what is wrong with it, in words, with the value
 */
public record ImportProblem(Long feature, Long id, String field, String reason) {}
