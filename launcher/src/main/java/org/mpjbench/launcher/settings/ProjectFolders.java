package org.mpjbench.launcher.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the commands put what they write when not told: {@code results/} and {@code plots/} of the
 * project checkout, which the launcher script names in the system property {@value #HOME_PROPERTY};
 * without it (the launcher run from a jar or from tests), the working folder's. The one place that
 * reads the property.
 */
public final class ProjectFolders {
  /** The system property in which {@code launcher/mpjbench} names the checkout. */
  public static final String HOME_PROPERTY = "mpjbench.home";

  private ProjectFolders() {}

  /** The project checkout, when the launcher script named it. */
  public static Optional<Path> home() {
    return Optional.ofNullable(System.getProperty(HOME_PROPERTY)).map(Path::of);
  }

  /** {@code folder} of the checkout, else {@code folder} of the working folder. */
  public static Path folder(String folder) {
    return home().map(home -> home.resolve(folder)).orElse(Path.of(folder));
  }

  /** The default folder of result files. */
  public static Path results() {
    return folder("results");
  }

  /** The default folder of charts. */
  public static Path plots() {
    return folder("plots");
  }
}
