package bench.peers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

/**
 * Drools harness of {@code npm run bench:peers} (tools/bench/peers/README.md).
 *
 * <p>Usage: {@code java -jar peers-drools.jar <rules.drl> <facts.json> <seconds> <minEvaluations> <warmupSeconds>}.
 * Compiles the DRL (from a string, KieHelper) into one KieBase, then screens each declaration
 * with a stateless session of that KieBase ({@code execute(facts)}; the rules add the keys of the
 * criteria they fire to the global set {@code fired}, cleared before each declaration):
 * <ol>
 *   <li>warm-up: cycles over the declarations for at least {@code warmupSeconds} and two passes;</li>
 *   <li>one pass collecting the fired keys of every declaration (the differential check);</li>
 *   <li>the timed loop: at least {@code seconds} and {@code minEvaluations} evaluations, cycling.</li>
 * </ol>
 * Prints one JSON line on stdout: {@code {"declPerSec":R,"evaluations":N,"compileMs":C,"rules":K,"fired":[[keys...],...]}}
 * (declarations per second, milliseconds); progress on stderr.
 */
public final class DroolsPeer {
    private DroolsPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: peers-drools <rules.drl> <facts.json> <seconds> <minEvaluations> <warmupSeconds>");
            System.exit(2);
        }
        String drl = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        double seconds = Double.parseDouble(args[2]);
        long minEvaluations = Long.parseLong(args[3]);
        double warmupSeconds = Double.parseDouble(args[4]);
        ObjectMapper json = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<DeclFacts> decls = json.readValue(new File(args[1]), new TypeReference<List<DeclFacts>>() {});
        if (decls.isEmpty()) throw new IllegalArgumentException("no declarations in " + args[1]);

        long t0 = System.nanoTime();
        KieBase kieBase = new KieHelper().addContent(drl, ResourceType.DRL).build();
        double compileMs = (System.nanoTime() - t0) / 1e6;
        int rules = kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        System.err.printf("drools: %d rules compiled in %.0f ms%n", rules, compileMs);

        StatelessKieSession session = kieBase.newStatelessKieSession();
        Set<String> fired = new HashSet<>();
        session.setGlobal("fired", fired);

        // Warm-up (JIT of the JVM and of Drools' constraints).
        long warm = 0;
        long warmStart = System.nanoTime();
        while (warm < 2L * decls.size() || System.nanoTime() - warmStart < warmupSeconds * 1e9) {
            fired.clear();
            session.execute(decls.get((int) (warm % decls.size())));
            warm++;
        }

        List<List<String>> firedPerDecl = new ArrayList<>(decls.size());
        for (DeclFacts d : decls) {
            fired.clear();
            session.execute(d);
            List<String> keys = new ArrayList<>(fired);
            keys.sort(null);
            firedPerDecl.add(keys);
        }

        long n = 0;
        long start = System.nanoTime();
        long elapsed;
        for (;;) {
            fired.clear();
            session.execute(decls.get((int) (n % decls.size())));
            n++;
            elapsed = System.nanoTime() - start;
            if (n >= minEvaluations && elapsed >= seconds * 1e9) break;
        }
        double perSec = n / (elapsed / 1e9);
        System.err.printf("drools: %d evaluations, %.0f decl/s%n", n, perSec);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("declPerSec", perSec);
        out.put("evaluations", n);
        out.put("compileMs", compileMs);
        out.put("rules", rules);
        out.put("fired", firedPerDecl);
        System.out.println(json.writeValueAsString(out));
    }
}
