package dev.dtscontract.server.domain;

/** The database engines DTS can replace an endpoint with, grouped in families that may replace each other. */
public enum Engine {
    MYSQL(Family.MYSQL),
    POLARDB_MYSQL(Family.MYSQL),
    SQLSERVER(Family.SQLSERVER),
    POSTGRESQL(Family.POSTGRESQL),
    POLARDB_POSTGRESQL(Family.POSTGRESQL),
    ANALYTICDB_POSTGRESQL(Family.ANALYTICDB_POSTGRESQL),
    MONGODB_REPLICA_SET(Family.MONGODB),
    MONGODB_SHARDED(Family.MONGODB),
    KAFKA(Family.KAFKA);

    /** Engines of one family can replace each other as an endpoint. */
    public enum Family { MYSQL, SQLSERVER, POSTGRESQL, ANALYTICDB_POSTGRESQL, MONGODB, KAFKA }

    private final Family family;

    Engine(Family family) {
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** R-DATABASE: the engines whose endpoint names a database (PostgreSQL family, AnalyticDB, MongoDB). */
    public boolean needsDatabase() {
        return family == Family.POSTGRESQL || family == Family.ANALYTICDB_POSTGRESQL || family == Family.MONGODB;
    }

    /** R-POSTGRESQL-LATENCY applies to these as a source. */
    public boolean isPostgreSql() {
        return family == Family.POSTGRESQL;
    }
}
