package dev.switchboard.platform;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The subsystems one process can run; {@code --roles} picks a subset so they can be deployed apart. */
public enum Role {
    /** Accept records over HTTP and from files, and produce them to the raw topics. */
    INGEST,
    /** Run the Kafka Streams topologies (mediation, live metrics). */
    STREAM,
    /** Write clean and error records into the SQL history. */
    STORE,
    /** Serve the HTTP API and the dashboard. */
    WEB,
    /** Run the live workload generators. */
    GENERATE;

    public static Set<Role> parse(String text) {
        if (text.isBlank() || text.equalsIgnoreCase("all")) return EnumSet.allOf(Role.class);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + part.trim() + "' (known: ingest, stream, store, web, generate, all)");
            }
        }
        return roles;
    }
}
