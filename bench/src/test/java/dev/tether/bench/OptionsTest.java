package dev.tether.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.Release;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void noFlagsGiveTheOneMinuteDefaultsAgainstAnEmbeddedServer() {
        Options o = Options.parse();
        assertEquals(160, o.clients());
        assertEquals(8, o.cap());
        assertEquals(List.of(Mode.RAW, Mode.PER_REQUEST, Mode.THREAD, Mode.HIKARI_PLATFORM, Mode.CONTEXT,
                Mode.HIKARI_VIRTUAL), o.modes());
        assertNull(o.url());
        assertTrue(o.plannedLength().toSeconds() <= 60, "defaults run " + o.plannedLength());
    }

    @Test
    void theStepsShapeRunsTetherOncePerReleaseAndLeavesOutRawAndPerRequest() {
        List<String> steps = Options.parse().scenarios().stream().filter(s -> s.shape() == Shape.STEPS)
                .map(Scenario::label).toList();
        assertEquals(List.of("thread", "thread release=transaction", "hikari-platform", "context",
                "context release=transaction", "hikari-virtual"), steps);
        List<Scenario> select = Options.parse("--releases", "transaction").scenarios().stream()
                .filter(s -> s.shape() == Shape.SELECT).toList();
        assertEquals(6, select.size());
        assertTrue(select.stream().allMatch(s -> s.release() == null || s.release() == Release.UNIT),
                "one handle per request: the select shape runs the default release only");
    }

    @Test
    void everyFlagIsReadInBothSpellings() {
        Options o = Options.parse("--clients", "40", "--duration=1500ms", "--warmup", "0", "--jvm-warmup=2s",
                "--modes", "thread,Context",
                "--url=postgresql://postgres@127.0.0.1:5432/bench", "--cap", "2", "--queries-per-request=3",
                "--shapes", "steps", "--releases=transaction", "--steps", "4", "--work", "2ms", "--out", "/tmp/x");
        assertEquals(40, o.clients());
        assertEquals(Duration.ofMillis(1500), o.duration());
        assertEquals(Duration.ZERO, o.warmup());
        assertEquals(Duration.ofSeconds(2), o.jvmWarmup());
        Options warm = o.forJvmWarmup(8);
        assertEquals(8, warm.clients());
        assertEquals(Duration.ofSeconds(2), warm.duration());
        assertEquals(o.modes(), warm.modes());
        assertEquals(List.of(Mode.THREAD, Mode.CONTEXT), o.modes());
        assertEquals("postgresql://postgres@127.0.0.1:5432/bench", o.url());
        assertEquals(2, o.cap());
        assertEquals(3, o.queriesPerRequest());
        assertEquals(List.of(Shape.STEPS), o.shapes());
        assertEquals(List.of(Release.TRANSACTION), o.releases());
        assertEquals(4, o.steps());
        assertEquals(Duration.ofMillis(2), o.work());
        assertEquals(List.of(Shape.SELECT), warm.shapes(), "the JVM warm-up runs each mode once");
        assertEquals(Path.of("/tmp/x"), o.out());
    }

    @Test
    void durationsAcceptSecondsMillisecondsAndMinutes() {
        assertEquals(Duration.ofSeconds(8), Options.duration("--duration", "8s"));
        assertEquals(Duration.ofMillis(2500), Options.duration("--duration", "2.5"));
        assertEquals(Duration.ofMinutes(2), Options.duration("--duration", "2m"));
        assertEquals(Duration.ofNanos(500_000), Options.duration("--work", "500us"));
    }

    @Test
    void mistakesNameTheFlagAndWhatIsAccepted() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--modes", "thread,pgbouncer"))
                .getMessage().contains("use any of raw, per-request, thread, hikari-platform, context, hikari-virtual"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--releases", "statement"))
                .getMessage().contains("use unit or transaction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--shapes", "joins"))
                .getMessage().contains("use any of select, steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--clients", "many"))
                .getMessage().startsWith("--clients is 'many'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--colour", "red"))
                .getMessage().startsWith("unknown flag --colour"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--cap"))
                .getMessage().startsWith("--cap needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--duration", "0s"))
                .getMessage().contains("must be positive"));
        assertThrows(Options.HelpRequested.class, () -> Options.parse("--help"));
    }

    @Test
    void targetsReadBothEnginesAndKeepThePasswordOutOfTheirName() {
        Target pg = Target.fromUrl("postgresql://bench:s3cret@db.example:6543/load");
        assertEquals("jdbc:postgresql://db.example:6543/load", pg.jdbcUrl());
        assertEquals("s3cret", pg.jdbcProperties().getProperty("password"));
        assertTrue(!pg.toString().contains("s3cret"), pg.toString());
        assertEquals("jdbc:mysql://localhost:3306/load", Target.fromUrl("mysql://root@localhost/load").jdbcUrl());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Target.fromUrl("oracle://x@h/db"))
                .getMessage().contains("postgresql://... and mysql://..."));
    }
}
