package org.mpjbench.kernels.download;

import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;

/**
 * Cooperative file download over MPJ ranks: one download by a {@link DownloadSession} (where the
 * protocol between the ranks is described), its lines-vs-time points reported as progress, and the
 * reassembled file handed to the launcher as the artifact {@value #FILE_ARTIFACT}.
 */
public final class DownloadKernel implements RankProgram<DownloadResult> {
  /** The reassembled file's artifact name. */
  public static final String FILE_ARTIFACT = "file.txt";

  private final DownloadParameters parameters;

  /** A kernel that runs with these parameters. */
  public DownloadKernel(DownloadParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public DownloadResult run(RankContext context) throws Exception {
    try (DownloadSession session =
        new DownloadSession(context.comm(), context.rank(), context.size(), parameters)) {
      DownloadSession.Outcome outcome = session.download(context.progress()::accept);
      if (outcome == null) {
        return null;
      }
      if (outcome.file().length <= DownloadSession.MAX_ARTIFACT_BYTES) {
        context.artifacts().accept(FILE_ARTIFACT, outcome.file());
      }
      return outcome.result();
    }
  }
}
