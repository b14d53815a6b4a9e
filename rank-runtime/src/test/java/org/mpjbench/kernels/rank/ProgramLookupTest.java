package org.mpjbench.kernels.rank;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.program.RankProgramFactory;

/** A rank finds the program of its start order by the factory class named, or by name. */
class ProgramLookupTest {
  private static final ClassLoader LOADER = ProgramLookupTest.class.getClassLoader();

  /** A rank program that gives back its parameters, under a name of its own. */
  abstract static class Named implements RankProgramFactory {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Class<?> parametersType() {
      return String.class;
    }

    @Override
    public RankProgram<?> create(Object parameters) {
      return context -> parameters;
    }
  }

  /** A program registered in this module's test resources, as a kernel's descriptor is. */
  public static final class Echo extends Named {
    public Echo() {
      super("echo");
    }
  }

  /** Registered too, before {@link Echo}: a search by name makes it first. */
  public static final class Other extends Named {
    static volatile int made;

    public Other() {
      super("other");
      made++;
    }
  }

  @Test
  void aNamedFactoryClassIsMadeAndNoOtherIs() {
    int before = Other.made;
    assertInstanceOf(Echo.class, ProgramLookup.find("echo", Echo.class.getName(), LOADER));
    assertTrue(Other.made == before, "the registered program before it was made too");
  }

  @Test
  void withoutAClassTheRegisteredFactoriesAreSearchedByName() {
    int before = Other.made;
    assertInstanceOf(Echo.class, ProgramLookup.find("echo", null, LOADER));
    assertTrue(Other.made > before, "the search should have made the program registered first");
  }

  @Test
  void aWrongNameOrClassIsAClearError() {
    assertMessage("unknown rank program nosuch", () -> ProgramLookup.find("nosuch", null, LOADER));
    assertMessage("is not on this rank's class path",
        () -> ProgramLookup.find("echo", "org.example.NoSuch", LOADER));
    assertMessage("is not a RankProgramFactory",
        () -> ProgramLookup.find("echo", String.class.getName(), LOADER));
    assertMessage("makes the program other",
        () -> ProgramLookup.find("echo", Other.class.getName(), LOADER));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), e::getMessage);
  }
}
