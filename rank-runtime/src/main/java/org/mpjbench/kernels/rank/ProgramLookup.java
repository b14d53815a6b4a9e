package org.mpjbench.kernels.rank;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceLoader;
import org.mpjbench.kernels.program.RankProgramFactory;

/**
 * Finds the rank program a start order asks for. The launcher names the program's factory class
 * as well as its name: a multicore rank then loads that one class in its own class loader instead
 * of making every registered factory before it (each kernel's descriptor, with its parameters,
 * options and kernel classes: 13 of them for the last kernel, in each of the ranks). Without a
 * class name (the JMH harness) the registered factories are searched by name, as before.
 */
final class ProgramLookup {
  private ProgramLookup() {}

  /**
   * The factory of the program called {@code name}, made from {@code factoryClass} when it is
   * given, else found among the factories registered with {@link ServiceLoader}.
   *
   * @throws IllegalArgumentException naming what is wrong: no such program or class, a class that
   *     is not a rank program factory, or one whose program has another name
   */
  static RankProgramFactory find(String name, String factoryClass, ClassLoader loader) {
    if (factoryClass == null) {
      for (RankProgramFactory factory : ServiceLoader.load(RankProgramFactory.class, loader)) {
        if (factory.name().equals(name)) {
          return factory;
        }
      }
      throw new IllegalArgumentException("unknown rank program " + name);
    }
    Class<?> type;
    try {
      type = Class.forName(factoryClass, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("rank program " + name + ": its factory class "
          + factoryClass + " is not on this rank's class path", e);
    }
    if (!RankProgramFactory.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("rank program " + name + ": " + factoryClass
          + " is not a " + RankProgramFactory.class.getSimpleName());
    }
    RankProgramFactory factory;
    try {
      factory = (RankProgramFactory) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalArgumentException("rank program " + name + ": cannot make its factory "
          + factoryClass + ": " + e, e);
    }
    if (!factory.name().equals(name)) {
      throw new IllegalArgumentException("rank program " + name + ": " + factoryClass
          + " makes the program " + factory.name());
    }
    return factory;
  }
}
