package uk.dapp.gateway.outcomes;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The blocking work of the outcome extract and KPIs (reading the services' streams, counting,
 * writing rows), on a pool of its own shared by both: at most {@code workers} at once and
 * {@code queued} waiting; beyond that a request is refused (503) rather than queued without end
 * or allowed to crowd out the gateway's other blocking work.
 *
 * <p>The pool is handed to Reactor as a plain {@link Executor}, never an ExecutorService: Reactor
 * cancels an ExecutorService task with an interrupt, and a reply's subscriber cancels as soon as
 * it has the value, while the worker thread is still delivering it. On the shared bounded-elastic
 * scheduler that interrupt hit the worker after a successful reply and was logged as an unhandled
 * InterruptedException. Cancelling here stops nothing that runs; the work itself stops by closing
 * its streams.
 */
public class OutcomeWork implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Scheduler scheduler;

    public OutcomeWork(int workers, int queued) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queued), runnable -> {
                    Thread thread = new Thread(runnable, "outcome-work-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        Executor executor = pool::execute;
        this.scheduler = Schedulers.fromExecutor(executor);
    }

    /** The work's result, computed on a worker; a full pool fails it with RejectedExecutionException. */
    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    /** The pool as an executor, for writers that run their own loop (the extract's streamed rows). */
    public Executor executor() {
        return pool::execute;
    }

    @Override
    public void close() {
        scheduler.dispose();
        pool.shutdown();
    }
}
