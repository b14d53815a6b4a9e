package org.mpjbench.launcher.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mpjbench.benchmarks.BenchProgram;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.rank.RankMain;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;

/**
 * The class path handed to {@code mpjrun -cp}: the rank runtime, the control protocol, the kernel
 * API, every module that provides a kernel (found through the kernels' service registration, so a
 * kernel module is never named here), the line-server and benchmarks modules and their own
 * dependencies (Jackson, JMH), found where this JVM loaded them from (a jar in {@code target/lib}
 * when packaged, a classes folder in tests). MPJ's jars are left out on purpose: the runtime adds
 * its own, and twice breaks it.
 */
public final class RankClasspath {
  private static final List<Class<?>> ROOTS =
      List.of(RankMain.class, KernelDescriptor.class, ControlCodec.class, ObjectMapper.class,
          JsonFactory.class, JsonProperty.class,
          // The download kernel's ranks run and speak to the line server (its own module).
          org.mpjbench.lineserver.LineServer.class,
          // Kernel options are picocli-annotated (the descriptors that ranks load refer to them).
          picocli.CommandLine.class,
          // The JMH harness and what JMH needs at run time.
          BenchProgram.class, org.openjdk.jmh.runner.Runner.class, joptsimple.OptionParser.class,
          org.apache.commons.math3.stat.descriptive.StatisticalSummary.class);

  private RankClasspath() {}

  /** The entries, in a stable order. */
  public static List<Path> entries() {
    List<Class<?>> roots = new ArrayList<>(ROOTS);
    // The factories' classes, not the descriptors: making every kernel's descriptor (its
    // parameters, options and kernel classes) only to find its jar cost a run's launcher about
    // 20 ms before it could start the ranks (docs/startup.md).
    roots.addAll(Kernels.registeredClasses());
    Set<Path> paths = new LinkedHashSet<>();
    for (Class<?> root : roots) {
      try {
        paths.add(Path.of(root.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | NullPointerException e) {
        throw new IllegalStateException("cannot locate the class path entry of " + root, e);
      }
    }
    return List.copyOf(paths);
  }
}
