package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests that need a real {@code jupyter nbconvert}: skipped with the reason where it is absent, except under CI=true. */
final class Jupyter {
    private Jupyter() {
    }

    static void require() {
        if (NotebookRunner.nbconvertAvailable()) return;
        String why = "jupyter-nbconvert is not installed; " + NotebookRunner.INSTALL_HINT;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but " + why);
        assumeTrue(false, "skipped: " + why);
    }
}
