package dev.dtscontract.emulator.junit;

import dev.dtscontract.emulator.control.model.Engine;
import dev.dtscontract.emulator.control.model.Instance;
import dev.dtscontract.emulator.control.model.InstanceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Test classes that ask for a shared emulator, run by a launcher of their own, as a build runs a consumer's classes. */
class SharedEmulatorTest {

    /** Where each class's emulator listened, by class. */
    static final Map<String, URI> SEEN = new ConcurrentHashMap<>();

    /** Both shared classes add the same instance: each finds the seed without it, whichever runs first. */
    static void arrangeFromTheSeed(String name, EmulatorControl control, URI url) {
        SEEN.put(name, url);
        List<String> instances = control.api().listInstances().stream().map(Instance::getId).toList();
        assertTrue(instances.stream().noneMatch("rm-shared-000001"::equals), name + " found another class's instance: " + instances);
        control.putInstance("rm-shared-000001", InstanceType.RDS, Engine.MYSQL, "cn-hangzhou");
    }

    static class SharedFirst {
        @RegisterExtension
        static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().shared().build();

        @Test
        void arranges(EmulatorControl control, URI url) {
            arrangeFromTheSeed("first", control, url);
        }
    }

    static class SharedSecond {
        @RegisterExtension
        static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().shared().build();

        @Test
        void arranges(EmulatorControl control, URI url) {
            arrangeFromTheSeed("second", control, url);
        }
    }

    static class SharedOtherSettings {
        @RegisterExtension
        static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().shared().property("dts.auth.burst", 5).build();

        @Test
        void arranges(EmulatorControl control, URI url) {
            arrangeFromTheSeed("other settings", control, url);
        }
    }

    static class OwnEmulator {
        @RegisterExtension
        static DtsEmulatorExtension dts = DtsEmulatorExtension.newInstance().build();

        @Test
        void arranges(EmulatorControl control, URI url) {
            arrangeFromTheSeed("own", control, url);
        }
    }

    /** Netty closes a server's socket after the context closes, not while: so wait for it, a while. */
    private static boolean closedWithin(URI url, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            try (Socket ignored = new Socket(url.getHost(), url.getPort())) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }

    @Test
    void classesWithTheSameSettings_shareOneEmulator_resetForEachTest_andStoppedWhenTheRunEnds() {
        SEEN.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(SharedFirst.class), selectClass(SharedSecond.class),
                selectClass(SharedOtherSettings.class), selectClass(OwnEmulator.class)).build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertEquals(List.of(), summary.getFailures().stream().map(f -> f.getException().toString()).toList());
        assertEquals(4, summary.getTestsSucceededCount());
        assertEquals(SEEN.get("first"), SEEN.get("second"), "same settings, one emulator");
        assertNotEquals(SEEN.get("first"), SEEN.get("other settings"), "other settings, another emulator");
        assertNotEquals(SEEN.get("first"), SEEN.get("own"), "not shared, its own emulator");
        SEEN.forEach((name, url) -> assertTrue(closedWithin(url, Duration.ofSeconds(5)), name + "'s emulator still listens after the run"));
    }
}
