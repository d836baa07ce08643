package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import parkgrid.feature.ParkGridException;

/**
 * The one place processes run: a bounded pool of worker threads and the analysis time limit.
 * <ul>
 * <li>The deadline is set when an execution is submitted, so time spent waiting for a worker and reading the
 *     layers counts against the limit. Past it the request is answered with a 503 time-limit problem at once;
 *     a computation that cannot be interrupted (a JTS union) finishes on its worker in the background and its
 *     answer is dropped, while the server keeps answering other requests.</li>
 * <li>At most {@code workers} executions run and at most {@code waiting} wait; beyond that an execution is
 *     refused with a 503 busy problem rather than queued without bound. A runaway computation thus holds one
 *     worker, never the request threads.</li>
 * </ul>
 */
public final class ProcessRunner {
    private final Duration timeLimit;
    private final ThreadPoolExecutor pool;

    /**
     * @param timeLimit how long one execution may take, from submission ({@code PARKGRID_ANALYSIS_SECONDS})
     * @param workers   executions that run at the same time, ≥ 1
     * @param waiting   executions that may wait for a worker, ≥ 0
     */
    public ProcessRunner(Duration timeLimit, int workers, int waiting) {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be more than 0, got " + timeLimit);
        }
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        if (waiting < 0) throw new IllegalArgumentException("waiting must be 0 or more, got " + waiting);
        this.timeLimit = timeLimit;
        BlockingQueue<Runnable> queue = waiting == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, queue, r -> {
            Thread t = new Thread(r, "process-" + n.incrementAndGet());
            t.setDaemon(true); // an uninterruptible computation past its deadline must not keep the JVM alive
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** The server's runner: the configured time limit, two executions per core (at least four), as many waiting. */
    public static ProcessRunner withTimeLimit(Duration timeLimit) {
        int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new ProcessRunner(timeLimit, workers, workers);
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * Runs {@code process} on a worker and waits for its answer until the deadline.
     *
     * @throws ParkGridException what the process threw (4xx for bad input); 503 when the time limit passed or
     *                           every worker and waiting place is taken
     * @throws IOException       the store failed
     */
    public ProcessResult run(Process process, JsonNode inputs) throws IOException {
        Instant deadline = Instant.now().plus(timeLimit);
        Future<ProcessResult> answer;
        try {
            answer = pool.submit(() -> process.execute(inputs, deadline));
        } catch (RejectedExecutionException e) {
            throw ParkGridException.busy(pool.getMaximumPoolSize() + " analyses are running and " + pool.getQueue().size()
                    + " waiting; ask again in a moment");
        }
        try {
            return answer.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // interrupts it, or drops it before it starts; a JTS union runs on regardless
            String hint = process.timeLimitHint(inputs);
            throw ParkGridException.timeLimit(null, String.format(Locale.ROOT,
                    "%s was not finished within %s s%s", process.id(), seconds(timeLimit), hint == null ? "" : "; " + hint));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof IOException io) throw io;
            if (cause instanceof Error err) throw err;
            throw new UncheckedIOException(new IOException(process.id() + " failed", cause));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw ParkGridException.busy("the server is stopping");
        }
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
