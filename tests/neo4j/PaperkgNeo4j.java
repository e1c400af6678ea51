// Starts embedded Neo4j 5 Community with the Bolt connector on 127.0.0.1 for paperkg's tests.
// Usage: java -cp 'lib/*:classes' PaperkgNeo4j HOME_DIR PORT PASSWORD [PAGECACHE_MB [CONF]]
// CONF: a file of further settings in neo4j.conf syntax (benchmarks try server settings with it).
// Prints "READY <port>" once Bolt accepts connections; stops cleanly on SIGTERM or closed stdin.
// Commands on stdin, one a line, each answered by one line: "SERVE PORT PAGECACHE_MB HOME" serves
// a second Neo4j home (e.g. one `neo4j-admin database import` wrote) in this JVM, with Bolt on
// PORT and the same password ("SERVING <port>" or "FAILED <message>"), "STOP PORT" shuts it
// down ("STOPPED <port>"): a warm JVM starts a second database server in a fraction of the
// CPU a new one takes (docs/testing.md, forty-seventh pass).

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class PaperkgNeo4j {
    private static final Map<DatabaseManagementService, Thread> HOOKS = new HashMap<>();

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
        serve(home, port, password, pageCacheMb, args.length == 5 ? Path.of(args[4]) : null);
        System.out.println("READY " + port);
        System.out.flush();
        Map<Integer, DatabaseManagementService> more = new HashMap<>();
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {  // until the parent closes stdin
            String[] words = line.strip().split(" ", 4);  // a home's path may hold spaces
            String answer;
            try {
                if (words.length == 4 && words[0].equals("SERVE")) {
                    int other = Integer.parseInt(words[1]);
                    more.put(other, serve(Path.of(words[3]), other, password,
                                          Long.parseLong(words[2]), null));
                    answer = "SERVING " + other;
                } else if (words.length == 2 && words[0].equals("STOP")) {
                    int other = Integer.parseInt(words[1]);
                    DatabaseManagementService dbms = more.remove(other);
                    if (dbms != null) {
                        Runtime.getRuntime().removeShutdownHook(HOOKS.remove(dbms));
                        dbms.shutdown();
                    }
                    answer = "STOPPED " + other;
                } else {
                    answer = "FAILED unknown command: " + line;
                }
            } catch (Exception e) {
                answer = "FAILED " + String.valueOf(e).replace('\n', ' ');
            }
            System.out.println(answer);
            System.out.flush();
        }
        System.exit(0);
    }

    /** A database server on home with Bolt on 127.0.0.1:port, its neo4j user's password set. */
    private static DatabaseManagementService serve(Path home, int port, String password,
                                                   long pageCacheMb, Path conf) throws Exception {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (conf != null) {
            builder.loadPropertiesFromFile(conf);
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();
        Thread hook = new Thread(dbms::shutdown);
        Runtime.getRuntime().addShutdownHook(hook);
        HOOKS.put(dbms, hook);
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        return dbms;
    }
}
