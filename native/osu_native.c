/*
 * osu_native: mpjbench's native reference (issue 13). The ping-pong latency and the Allreduce
 * latency by message size, in C against the system's MPI, with the method of the MPJ sweep
 * (benchmarks/.../SizeSweep.java and SizeOps.java), so that the two compare:
 *
 *   per operation and size, a warm-up (20 iterations up to 8 KiB, 3 above), then batches of
 *   1, 2, 4, ... 1,000 timed iterations; it stops once the budget is spent and at least 5
 *   iterations are timed, or at 10,000. Rank 0 decides and broadcasts between batches, never
 *   inside a timed iteration.
 *
 *   latency:   half a round trip (MPI_Send, MPI_Recv) between ranks 0 and 1, timed on rank 0;
 *              the other ranks wait. Needs 2 ranks.
 *   allreduce: MPI_Allreduce (sum of unsigned bytes) after an MPI_Barrier; every rank times its
 *              own call, each iteration counts the slowest rank's (MPI_Reduce with MPI_MAX).
 *
 * Usage: mpirun -np K osu_native BUDGET_MS SIZE[,SIZE...]
 * Output (rank 0, stdout), one line per operation and size:
 *   osu_native ranks K
 *   osu_native row OPERATION BYTES ITERATIONS MEDIAN_US P99_US
 *   osu_native done
 * Median: the middle iteration (the mean of the two middle ones for an even count); P99: the
 * nearest rank. Exit 2 on bad arguments.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_SAMPLES 5
#define MAX_SAMPLES 10000
#define MAX_BATCH 1000
#define SMALL_BYTES 8192
#define MAX_BYTES (64 * 1024 * 1024)
#define TAG_PING 1
#define TAG_PONG 2

static int rank, size;
static unsigned char *in_buffer, *out_buffer;
static int64_t samples[MAX_SAMPLES];
static int64_t batch_nanos[MAX_BATCH], slowest[MAX_BATCH];

static int64_t now_nanos(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void ping_pong(int bytes, int iterations, int64_t *nanos) {
  for (int i = 0; i < iterations; i++) {
    int64_t start = now_nanos();
    if (rank == 0) {
      MPI_Send(out_buffer, bytes, MPI_BYTE, 1, TAG_PING, MPI_COMM_WORLD);
      MPI_Recv(in_buffer, bytes, MPI_BYTE, 1, TAG_PONG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else if (rank == 1) {
      MPI_Recv(in_buffer, bytes, MPI_BYTE, 0, TAG_PING, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      MPI_Send(out_buffer, bytes, MPI_BYTE, 0, TAG_PONG, MPI_COMM_WORLD);
    }
    if (nanos != NULL) {
      nanos[i] = (now_nanos() - start) / 2;
    }
  }
}

static void allreduce(int bytes, int iterations, int64_t *nanos) {
  for (int i = 0; i < iterations; i++) {
    MPI_Barrier(MPI_COMM_WORLD);
    int64_t start = now_nanos();
    MPI_Allreduce(out_buffer, in_buffer, bytes, MPI_UNSIGNED_CHAR, MPI_SUM, MPI_COMM_WORLD);
    if (nanos != NULL) {
      nanos[i] = now_nanos() - start;
    }
  }
  if (nanos != NULL) {
    MPI_Reduce(nanos, slowest, iterations, MPI_INT64_T, MPI_MAX, 0, MPI_COMM_WORLD);
    if (rank == 0) {
      memcpy(nanos, slowest, sizeof(int64_t) * iterations);
    }
  }
}

static int compare(const void *a, const void *b) {
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return x < y ? -1 : x > y;
}

/* One operation at one size: warm-up, batches until the budget is spent; rank 0 prints the row. */
static void measure(const char *name, void (*op)(int, int, int64_t *), int bytes,
    int64_t budget_nanos) {
  op(bytes, bytes <= SMALL_BYTES ? 20 : 3, NULL);
  int count = 0, batch = 1;
  int64_t start = now_nanos();
  for (;;) {
    int go = count < MAX_SAMPLES && (count < MIN_SAMPLES || now_nanos() - start < budget_nanos);
    MPI_Bcast(&go, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (!go) {
      break;
    }
    batch = batch * 2 > MAX_BATCH ? MAX_BATCH : batch * 2;
    if (batch > MAX_SAMPLES - count) {
      batch = MAX_SAMPLES - count;
    }
    MPI_Bcast(&batch, 1, MPI_INT, 0, MPI_COMM_WORLD);
    op(bytes, batch, batch_nanos);
    if (rank == 0) {
      memcpy(samples + count, batch_nanos, sizeof(int64_t) * batch);
    }
    count += batch;
  }
  if (rank == 0) {
    qsort(samples, count, sizeof(int64_t), compare);
    double median = count % 2 == 1 ? samples[count / 2]
        : (samples[count / 2 - 1] + samples[count / 2]) / 2.0;
    int p99 = (int) ((99LL * count + 99) / 100) - 1; /* ceil(0.99 * count) - 1 */
    printf("osu_native row %s %d %d %.6g %.6g\n", name, bytes, count, median / 1e3,
        samples[p99 < 0 ? 0 : p99] / 1e3);
    fflush(stdout);
  }
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  char *end = NULL;
  long budget_ms = argc == 3 ? strtol(argv[1], &end, 10) : -1;
  if (argc != 3 || *end != '\0' || budget_ms < 1 || budget_ms > 3600000) {
    if (rank == 0) {
      fprintf(stderr, "usage: osu_native BUDGET_MS SIZE[,SIZE...]\n");
    }
    MPI_Finalize();
    return 2;
  }
  int sizes[64], count = 0, largest = 1;
  for (char *text = argv[2]; *text != '\0' && count < 64;) {
    long bytes = strtol(text, &end, 10);
    if (end == text || bytes < 1 || bytes > MAX_BYTES || (*end != ',' && *end != '\0')) {
      if (rank == 0) {
        fprintf(stderr, "osu_native: bad size list '%s'\n", argv[2]);
      }
      MPI_Finalize();
      return 2;
    }
    sizes[count++] = (int) bytes;
    largest = bytes > largest ? (int) bytes : largest;
    text = *end == ',' ? end + 1 : end;
  }
  in_buffer = malloc(largest);
  out_buffer = malloc(largest);
  memset(out_buffer, 1, largest);
  if (rank == 0) {
    printf("osu_native ranks %d\n", size);
    fflush(stdout);
  }
  int64_t budget = budget_ms * 1000000LL;
  if (size >= 2) {
    for (int i = 0; i < count; i++) {
      measure("latency", ping_pong, sizes[i], budget);
    }
  }
  for (int i = 0; i < count; i++) {
    measure("allreduce", allreduce, sizes[i], budget);
  }
  if (rank == 0) {
    printf("osu_native done\n");
    fflush(stdout);
  }
  free(in_buffer);
  free(out_buffer);
  MPI_Finalize();
  return 0;
}
