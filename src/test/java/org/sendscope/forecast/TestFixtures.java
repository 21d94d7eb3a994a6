package org.sendscope.forecast;

import org.sendscope.warehouse.Warehouse;

/** Fixtures of the forecast package that tests elsewhere (Spark) use. */
public final class TestFixtures {
    private TestFixtures() {
    }

    /** The hand-written twelve-LA warehouse ({@link FixtureWarehouse}). */
    public static Warehouse warehouse() {
        return FixtureWarehouse.build();
    }
}
