// Starts embedded Neo4j 5 Community with the Bolt connector on 127.0.0.1 for paperkg's tests.
// Usage: java -cp 'lib/*:classes' PaperkgNeo4j HOME_DIR PORT PASSWORD [PAGECACHE_MB [CONF]]
// CONF: a file of further settings in neo4j.conf syntax (benchmarks try server settings with it).
// Prints "READY <port>" once Bolt accepts connections; stops cleanly on SIGTERM or closed stdin.

import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class PaperkgNeo4j {
    private PaperkgNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 5) {
            System.err.println("usage: PaperkgNeo4j HOME_DIR PORT PASSWORD [PAGECACHE_MB [CONF]]");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String password = args[2];
        long pageCacheMb = args.length >= 4 ? Long.parseLong(args[3]) : 512;
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (args.length == 5) {
            builder.loadPropertiesFromFile(Path.of(args[4]));
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        System.out.println("READY " + port);
        System.out.flush();
        while (System.in.read() != -1) {
            // keep running until the parent closes stdin
        }
        System.exit(0);
    }
}
