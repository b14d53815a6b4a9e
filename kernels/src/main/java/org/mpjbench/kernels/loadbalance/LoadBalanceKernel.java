package org.mpjbench.kernels.loadbalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.loadbalance.LoadBalanceCheck.TaskResult;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Load balancing of a seeded stream of tasks ({@link TaskStream}) from a dispatcher, rank 0, to
 * the workers, ranks 1..K-1; a task is executed as a bounded park of its cost (not a spin). Each
 * policy runs in turn, between Barriers, on the same stream:
 *
 * <ul>
 *   <li>{@code round-robin}: task i goes to worker {@code i mod W}, all sent at once;
 *   <li>{@code least-loaded}: the dispatcher sends the next task to the worker with the least
 *       outstanding estimated work (the costs are known to it) among those with fewer than {@link
 *       Policies#LEAST_LOADED_WINDOW} tasks outstanding, and otherwise waits for a completion;
 *   <li>{@code work-stealing}: the tasks are pre-split round robin into per-worker queues held by
 *       the dispatcher ({@link StealingPool}); a worker asks for work when idle (its first request
 *       is {@link #TAG_ASK}, later each result doubles as the next request) and gets its own
 *       queue's head, or else the tail of the longest other queue.
 * </ul>
 *
 * With one rank, rank 0 executes every task itself in stream order. Messages ({@code long}
 * arrays): {@link #TAG_TASK} {@code [taskId]} (-1: no more work), {@link #TAG_RESULT} {@code
 * [taskId, worker, startNanos, endNanos]}, {@link #TAG_ASK} {@code [worker]}; all leave through an
 * {@link Outbox}. The results the dispatcher received are checked by {@link LoadBalanceCheck}.
 *
 * <p>Trace events ({@code --trace}), each with its {@code policy}: {@code assign} on the dispatcher
 * when a task leaves for a {@code worker}, {@code done} on the worker when it has executed one
 * ({@code workNanos} measured); with one rank, only {@code done}.
 */
public final class LoadBalanceKernel implements RankProgram<LoadBalanceResult> {
  /** Tag of a task (or the end of work) from the dispatcher. */
  public static final int TAG_TASK = 361;
  /** Tag of a task's result from a worker. */
  public static final int TAG_RESULT = 362;
  /** Tag of a work-stealing worker's first request for work. */
  public static final int TAG_ASK = 363;

  private static final int DISPATCHER = 0;
  private static final int RESULT_LENGTH = 4;

  private final LoadBalanceParameters parameters;
  private KernelEvents events = KernelEvents.off();

  /** A kernel that runs with these parameters. */
  public LoadBalanceKernel(LoadBalanceParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public LoadBalanceResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int workers = Math.max(1, size - 1);
    events = context.events();
    long[] costs = TaskStream.costsNanos(parameters.seed(), parameters.tasks(),
        parameters.meanTaskUs() * 1000);
    long totalWork = Arrays.stream(costs).sum();
    long lowerBound = totalWork / workers;
    List<LoadBalanceResult.Policy> policies = new ArrayList<>();
    List<Long> turnarounds = new ArrayList<>();
    long messages = 0;
    for (String policy : parameters.policies()) {
      Outbox outbox = new Outbox(comm);
      List<TaskResult> results = new ArrayList<>();
      long[] sent = new long[1];
      comm.Barrier();
      long start = System.nanoTime();
      if (size == 1) {
        for (int task = 0; task < costs.length; task++) {
          long begin = System.nanoTime();
          execute(costs[task]);
          long end = System.nanoTime();
          results.add(new TaskResult(task, 0, begin, end));
          done(policy, task, end - begin);
        }
      } else if (context.isRoot()) {
        sent[0] = dispatch(comm, outbox, policy, costs, workers, results);
      } else {
        sent[0] = work(comm, outbox, policy, costs, context.rank());
      }
      outbox.settle(comm, RESULT_LENGTH);
      long[] allSent = new long[size];
      comm.Gather(sent, 0, 1, MPI.LONG, allSent, 0, 1, MPI.LONG, DISPATCHER);
      if (!context.isRoot()) {
        continue;
      }
      long policyMessages = Arrays.stream(allSent).sum();
      messages += policyMessages;
      long end = start;
      Integer[] perWorker = new Integer[workers];
      Arrays.fill(perWorker, 0);
      for (TaskResult result : results) {
        end = Math.max(end, result.endNanos());
        turnarounds.add(result.endNanos() - start);
        int index = size == 1 ? 0 : (int) result.worker() - 1;
        if (index >= 0 && index < workers) {
          perWorker[index]++;
        }
      }
      long makespan = Math.max(1, end - start);
      policies.add(new LoadBalanceResult.Policy(policy, makespan, (double) lowerBound / makespan,
          policyMessages, List.of(perWorker),
          LoadBalanceCheck.check(policy, costs.length, results)));
    }
    if (!context.isRoot()) {
      return null;
    }
    PropertyCheck check = overall(policies);
    check.requireHolds();
    long[] sorted = turnarounds.stream().mapToLong(Long::longValue).sorted().toArray();
    return new LoadBalanceResult(workers, totalWork, lowerBound, List.copyOf(policies), messages,
        sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2],
        sorted.length == 0 ? 0 : sorted[sorted.length - 1], check, Latencies.of(sorted));
  }

  /** The first violation of any policy, or a verdict that all held. */
  static PropertyCheck overall(List<LoadBalanceResult.Policy> policies) {
    List<String> names = new ArrayList<>();
    for (LoadBalanceResult.Policy policy : policies) {
      if (!policy.check().holds()) {
        return policy.check();
      }
      names.add(policy.policy());
    }
    return PropertyCheck.held(LoadBalanceCheck.PROPERTY, String.format(Locale.ROOT,
        "every task done once under %s", String.join(", ", names)));
  }

  /** The dispatcher's side of {@code policy}; returns the messages it sent. */
  private long dispatch(Intracomm comm, Outbox outbox, String policy, long[] costs, int workers,
      List<TaskResult> results) throws MPIException {
    int tasks = costs.length;
    long[] message = new long[RESULT_LENGTH];
    long sent = 0;
    switch (policy) {
      case "round-robin" -> {
        for (int task = 0; task < tasks; task++) {
          message[0] = task;
          int worker = 1 + Policies.roundRobin(task, workers);
          outbox.send(message, 1, worker, TAG_TASK);
          sent++;
          assigned(policy, task, worker);
        }
        sent += stopAll(outbox, workers);
        for (int received = 0; received < tasks; received++) {
          receiveResult(comm, message, results);
          outbox.progress();
        }
      }
      case "least-loaded" -> {
        long[] work = new long[workers];
        int[] outstanding = new int[workers];
        int next = 0;
        for (int received = 0; received < tasks; received++) {
          int worker;
          while (next < tasks && (worker = Policies.leastLoaded(work, outstanding,
              Policies.LEAST_LOADED_WINDOW)) >= 0) {
            message[0] = next;
            outbox.send(message, 1, 1 + worker, TAG_TASK);
            sent++;
            assigned(policy, next, 1 + worker);
            work[worker] += costs[next];
            outstanding[worker]++;
            next++;
            if (next == tasks) {
              sent += stopAll(outbox, workers);
            }
          }
          TaskResult result = receiveResult(comm, message, results);
          int worker2 = (int) result.worker() - 1;
          work[worker2] -= costs[(int) result.taskId()];
          outstanding[worker2]--;
          outbox.progress();
        }
      }
      case "work-stealing" -> {
        StealingPool pool = new StealingPool(tasks, workers);
        int received = 0;
        int stopped = 0;
        while (received < tasks || stopped < workers) {
          Status status = TimedReceive.receive(comm, message, 0, RESULT_LENGTH, MPI.LONG,
              MPI.ANY_SOURCE, MPI.ANY_TAG, System.nanoTime() + parameters.timeoutNanos());
          if (status == null) {
            throw new IllegalStateException("load-balance: the dispatcher waited "
                + parameters.timeoutMs() + " ms with " + (tasks - received) + " results and "
                + (workers - stopped) + " workers outstanding");
          }
          if (status.tag == TAG_RESULT) {
            results.add(new TaskResult(message[0], message[1], message[2], message[3]));
            received++;
          } else if (status.tag != TAG_ASK) {
            throw new IllegalStateException("load-balance: unexpected tag " + status.tag);
          }
          int task = pool.next(status.source - 1);
          message[0] = task;
          outbox.send(message, 1, status.source, TAG_TASK);
          sent++;
          if (task < 0) {
            stopped++;
          } else {
            assigned(policy, task, status.source);
          }
          outbox.progress();
        }
      }
      default -> throw new IllegalArgumentException("unknown policy " + policy);
    }
    return sent;
  }

  private long stopAll(Outbox outbox, int workers) throws MPIException {
    for (int worker = 1; worker <= workers; worker++) {
      outbox.send(new long[] {-1}, 1, worker, TAG_TASK);
    }
    return workers;
  }

  private TaskResult receiveResult(Intracomm comm, long[] message, List<TaskResult> results)
      throws MPIException {
    if (TimedReceive.receive(comm, message, 0, RESULT_LENGTH, MPI.LONG, MPI.ANY_SOURCE,
        TAG_RESULT, System.nanoTime() + parameters.timeoutNanos()) == null) {
      throw new IllegalStateException("load-balance: no result within " + parameters.timeoutMs()
          + " ms (" + results.size() + " received)");
    }
    TaskResult result = new TaskResult(message[0], message[1], message[2], message[3]);
    results.add(result);
    return result;
  }

  /** A worker's side: executes tasks until told to stop; returns the messages it sent. */
  private long work(Intracomm comm, Outbox outbox, String policy, long[] costs, int rank)
      throws MPIException {
    long sent = 0;
    long[] message = new long[RESULT_LENGTH];
    if ("work-stealing".equals(policy)) {
      outbox.send(new long[] {rank}, 1, DISPATCHER, TAG_ASK);
      sent++;
    }
    while (true) {
      if (TimedReceive.receive(comm, message, 0, 1, MPI.LONG, DISPATCHER, TAG_TASK,
          System.nanoTime() + parameters.timeoutNanos()) == null) {
        throw new IllegalStateException("load-balance: rank " + rank + " got no task or stop"
            + " within " + parameters.timeoutMs() + " ms");
      }
      long task = message[0];
      if (task < 0) {
        return sent;
      }
      long start = System.nanoTime();
      execute(costs[(int) task]);
      long[] result = {task, rank, start, System.nanoTime()};
      outbox.send(result, RESULT_LENGTH, DISPATCHER, TAG_RESULT);
      sent++;
      done(policy, task, result[3] - start);
      outbox.progress();
    }
  }

  private void assigned(String policy, long task, int worker) {
    events.event("assign").with("policy", policy).with("task", task).with("worker", worker)
        .emit();
  }

  private void done(String policy, long task, long workNanos) {
    events.event("done").with("policy", policy).with("task", task).with("workNanos", workNanos)
        .emit();
  }

  /** Runs a task: parks until its cost has passed (parks can return early, so it loops). */
  static void execute(long costNanos) {
    long deadline = System.nanoTime() + costNanos;
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
