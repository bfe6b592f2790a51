package org.redress.app.acceptance;

/** The same erasure, searched for in every table of a PostgreSQL desk. */
class ErasureOnPostgresTest extends ErasureLeavesNothingTest {

    @Override
    String database() {
        return "postgresql";
    }
}
