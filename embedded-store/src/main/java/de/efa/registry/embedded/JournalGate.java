package de.efa.registry.embedded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * Sits between the wire protocol and a {@link JournaledBackend}: every write command runs through
 * {@link Journal#write}, so it is answered only once its changes are in the journal (group commit), and write
 * commands run one at a time, so the journal holds the changes in the order they were made.
 *
 * <h2>Where commands enter</h2>
 * The server calls the backend through the {@link MongoBackend} interface: OP_MSG (all the driver 5.x sends) via
 * {@code handleMessage}, OP_QUERY on {@code $cmd} via {@code handleCommand}, other OP_QUERY (reads) via
 * {@code handleQuery}; legacy write opcodes are rejected by the server. {@code AbstractMongoBackend.handleMessage}
 * calls {@code this.handleCommand} internally, which does not pass the interface again. Intercepting
 * {@code handleMessage} and {@code handleCommand} at the interface (a dynamic proxy, which also keeps Netty's
 * {@code Channel} out of our compile-time signatures) therefore sees every write command exactly once.
 *
 * <h2>Reads</h2>
 * Read commands pass straight through; each collection serialises its own reads and changes.
 */
final class JournalGate implements InvocationHandler {

    /** Commands that never modify data (lower case). Anything else counts as a write. */
    private static final Set<String> READ_COMMANDS = Set.of(
        "find", "getmore", "count", "distinct", "listindexes", "listcollections", "listdatabases",
        "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "serverstatus", "dbstats", "collstats",
        "getlasterror", "getpreverror", "getlog", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus",
        "connectionstatus", "killcursors", "endsessions", "replsetgetstatus", "explain", "validate",
        "getparameter", "currentop", "features", "saslstart", "saslcontinue", "getnonce", "authenticate",
        "logout", "usersinfo", "rolesinfo");

    private final JournaledBackend backend;
    private final Journal journal;
    private final MongoBackend proxy;

    JournalGate(JournaledBackend backend, Journal journal) {
        this.backend = backend;
        this.journal = journal;
        this.proxy = (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
            new Class<?>[] {MongoBackend.class}, this);
    }

    /** The backend to hand to the {@code MongoServer}. */
    MongoBackend backend() {
        return proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "handleMessage": {
                Document query = ((MongoMessage) args[0]).getDocument();
                String command = query.isEmpty() ? "" : query.keySet().iterator().next();
                return gate(command, query, method, args);
            }
            case "handleCommand":
                return gate((String) args[2], (Document) args[3], method, args);
            case "version":
                invokeBackend(method, args);
                return proxy;
            case "equals":
                return self == args[0];
            case "hashCode":
                return System.identityHashCode(self);
            case "toString":
                return "JournalGate[" + backend + "]";
            default:
                return invokeBackend(method, args);
        }
    }

    private Object gate(String command, Document query, Method method, Object[] args) throws Throwable {
        if (!isWrite(command, query)) {
            return invokeBackend(method, args);
        }
        try {
            return journal.write(() -> {
                try {
                    return method.invoke(backend, args);
                } catch (InvocationTargetException e) {
                    throw new CommandFailure(e.getCause());
                }
            });
        } catch (CommandFailure failure) {
            throw failure.getCause();
        }
    }

    /** Carries a command's own failure through {@link Journal#write} unchanged. */
    private static final class CommandFailure extends Exception {
        CommandFailure(Throwable cause) {
            super(cause);
        }
    }

    private Object invokeBackend(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(backend, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return hasOutputStage(query.get("pipeline"));
        }
        return !READ_COMMANDS.contains(name);
    }

    private static boolean hasOutputStage(Object pipeline) {
        if (pipeline instanceof List<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document doc && (doc.containsKey("$out") || doc.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
