package dev.switchboard.cli;

import dev.switchboard.app.Switchboard;
import dev.switchboard.generate.LiveCdrGenerator;
import dev.switchboard.platform.Role;

/**
 * The live generators of {@code demo} (and of {@code serve} with the generate role): the process's CDR
 * generator started on its default settings (changed at runtime through {@code /api/generator/cdr}), and
 * the call-center simulation, into the real pipeline; and, on a store without IVR sessions, six months of
 * generated IVR sessions.
 */
final class LiveGenerators {
    private LiveGenerators() {}

    static AutoCloseable startIfAsked(Switchboard sb) {
        if (!sb.settings().roles().contains(Role.GENERATE) || sb.ingest().isEmpty()) return () -> {};
        LiveCdrGenerator cdrs = sb.cdrGenerator().orElseThrow();
        cdrs.start();
        LiveCallSimulator calls = LiveCallSimulator.start(sb, sb.ingest().get());
        dev.switchboard.ivr.IvrDemoHistory.seedIfEmpty(sb.database(), sb.ingest().get(), java.time.Clock.systemUTC());
        return () -> {
            calls.close();
            cdrs.stop();
        };
    }
}
