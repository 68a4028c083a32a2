package dev.keyport.application.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.port.out.WrappingKeyUse;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One pair for several tokens of one use, within a count and a window, and never for another use. */
class SharedWrappingKeySourceTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<WrappingKeyPair> PAIRS = IntStream.range(0, 6)
            .mapToObj(i -> WrappingKeySpec.RSA_2048.generate(new SecureRandom())).toList();
    private static final WrappingKeyUse USE = use("tenant-a", "ap-guangzhou", WrappingKeySpec.RSA_2048,
            WrappingAlgorithm.RSAES_OAEP_SHA_256);

    /** Unassigned pairs, handed out in order, each once; it remembers which use asked for each. */
    private static final class Fresh implements WrappingKeySource {
        final List<WrappingKeyUse> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public WrappingKeyPair take(WrappingKeyUse use, Instant now) {
            synchronized (asked) {
                asked.add(use);
                return PAIRS.get(asked.size() - 1);
            }
        }
    }

    private final Fresh fresh = new Fresh();

    private static WrappingKeyUse use(String tenant, String region, WrappingKeySpec spec,
                                      WrappingAlgorithm algorithm) {
        return new WrappingKeyUse(KeyScope.of(tenant, region), spec, algorithm);
    }

    private SharedWrappingKeySource sharing(int tokens, Duration window) {
        return new SharedWrappingKeySource(fresh, new WrappingKeySharing(tokens, window));
    }

    @Test
    void onePairBacksTheTokensOfOneUseUpToItsCountThenANewPairDoes() {
        SharedWrappingKeySource source = sharing(3, Duration.ofMinutes(10));
        List<WrappingKeyPair> handed = IntStream.range(0, 7).mapToObj(i -> source.take(USE, T0)).toList();

        assertThat(handed).containsExactly(PAIRS.get(0), PAIRS.get(0), PAIRS.get(0), PAIRS.get(1), PAIRS.get(1),
                PAIRS.get(1), PAIRS.get(2));
        assertThat(fresh.asked).containsExactly(USE, USE, USE);
    }

    @Test
    void aPairIsNotHandedOutOnceItsWindowHasPassedSinceItsFirstToken() {
        SharedWrappingKeySource source = sharing(100, Duration.ofMinutes(10));

        assertThat(source.take(USE, T0)).isEqualTo(PAIRS.get(0));
        assertThat(source.take(USE, T0.plus(Duration.ofMinutes(5)))).isEqualTo(PAIRS.get(0));
        assertThat(source.take(USE, T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isEqualTo(PAIRS.get(0));
        // counted from the first token, not the last: one a millisecond ago does not extend it
        assertThat(source.take(USE, T0.plus(Duration.ofMinutes(10)))).isEqualTo(PAIRS.get(1));
        assertThat(source.take(USE, T0.plus(Duration.ofMinutes(19)))).isEqualTo(PAIRS.get(1));
        assertThat(source.take(USE, T0.plus(Duration.ofMinutes(20)))).isEqualTo(PAIRS.get(2));
    }

    @Test
    void aPairIsNeverHandedToAnotherTenantRegionSpecOrAlgorithm() {
        SharedWrappingKeySource source = sharing(100, Duration.ofMinutes(10));
        List<WrappingKeyUse> uses = List.of(USE,
                use("tenant-b", "ap-guangzhou", WrappingKeySpec.RSA_2048, WrappingAlgorithm.RSAES_OAEP_SHA_256),
                use("tenant-a", "ap-shanghai", WrappingKeySpec.RSA_2048, WrappingAlgorithm.RSAES_OAEP_SHA_256),
                use("tenant-a", "ap-guangzhou", WrappingKeySpec.RSA_3072, WrappingAlgorithm.RSAES_OAEP_SHA_256),
                use("tenant-a", "ap-guangzhou", WrappingKeySpec.RSA_2048, WrappingAlgorithm.RSAES_OAEP_SHA_1));

        List<WrappingKeyPair> first = uses.stream().map(u -> source.take(u, T0)).toList();
        List<WrappingKeyPair> again = uses.stream().map(u -> source.take(u, T0.plusSeconds(1))).toList();

        assertThat(first).containsExactlyElementsOf(PAIRS.subList(0, 5)).doesNotHaveDuplicates();
        assertThat(again).as("each use keeps its own pair").containsExactlyElementsOf(first);
        assertThat(fresh.asked).as("each new pair was asked for by the use it serves").containsExactlyElementsOf(uses);
    }

    @Test
    void pkcs1TokensNeverShareAPair() {
        SharedWrappingKeySource source = sharing(100, Duration.ofMinutes(10));
        WrappingKeyUse pkcs1 = use("tenant-a", "ap-guangzhou", WrappingKeySpec.RSA_2048,
                WrappingAlgorithm.RSAES_PKCS1_V1_5);

        assertThat(List.of(source.take(pkcs1, T0), source.take(pkcs1, T0), source.take(pkcs1, T0)))
                .containsExactly(PAIRS.get(0), PAIRS.get(1), PAIRS.get(2));
        assertThat(source.pairsHeld()).isZero();
    }

    @Test
    void withoutSharingEveryTokenGetsANewPair() {
        for (WrappingKeySharing none : List.of(WrappingKeySharing.NONE, new WrappingKeySharing(1,
                Duration.ofMinutes(10)), new WrappingKeySharing(100, Duration.ZERO))) {
            Fresh own = new Fresh();
            SharedWrappingKeySource source = new SharedWrappingKeySource(own, none);
            assertThat(List.of(source.take(USE, T0), source.take(USE, T0)))
                    .as("%s", none).containsExactly(PAIRS.get(0), PAIRS.get(1));
        }
    }

    @Test
    void theSharingPolicyRefusesBoundsItCannotKeep() {
        assertThatThrownBy(() -> new WrappingKeySharing(0, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrappingKeySharing(WrappingKeySharing.MAX_TOKENS_PER_PAIR + 1,
                Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrappingKeySharing(100, Duration.ofHours(1).plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WrappingKeySharing(100, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetiredPairIsForgottenAlsoWhenItsUseAsksForNothingMore() {
        SharedWrappingKeySource source = sharing(2, Duration.ofMinutes(10));
        WrappingKeyUse other = use("tenant-b", "ap-guangzhou", WrappingKeySpec.RSA_2048,
                WrappingAlgorithm.RSAES_OAEP_SHA_256);
        source.take(USE, T0);
        source.take(USE, T0);
        source.take(other, T0);
        assertThat(source.pairsHeld()).isEqualTo(2);

        source.forgetRetired(T0.plusSeconds(1));
        assertThat(source.pairsHeld()).as("USE's pair has backed its two tokens; other's has one left").isEqualTo(1);
        source.forgetRetired(T0.plus(Duration.ofMinutes(10)));
        assertThat(source.pairsHeld()).isZero();
        assertThat(source.take(other, T0.plus(Duration.ofMinutes(10)))).isEqualTo(PAIRS.get(2));
    }

    @Test
    void takingForOneUseForgetsTheRetiredPairsOfOthers() {
        SharedWrappingKeySource source = sharing(100, Duration.ofMinutes(10));
        WrappingKeyUse other = use("tenant-b", "ap-guangzhou", WrappingKeySpec.RSA_2048,
                WrappingAlgorithm.RSAES_OAEP_SHA_256);
        source.take(USE, T0);
        source.take(other, T0.plus(Duration.ofMinutes(10)));

        assertThat(source.pairsHeld()).as("only other's pair is left").isEqualTo(1);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whenNoPairIsReadyTheRequestsOfThatUseWaitForOneNewPairAndOtherUsesDoNotWait() throws Exception {
        CountDownLatch generating = new CountDownLatch(1);
        CountDownLatch generated = new CountDownLatch(1);
        WrappingKeyUse other = use("tenant-b", "ap-guangzhou", WrappingKeySpec.RSA_2048,
                WrappingAlgorithm.RSAES_OAEP_SHA_256);
        WrappingKeySource slow = (use, now) -> {
            if (use.equals(USE)) {
                generating.countDown();
                await(generated); // as long as a generation on the caller's thread takes
            }
            return fresh.take(use, now);
        };
        SharedWrappingKeySource source = new SharedWrappingKeySource(slow, new WrappingKeySharing(100,
                Duration.ofMinutes(10)));
        var threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<WrappingKeyPair> first = CompletableFuture.supplyAsync(() -> source.take(USE, T0),
                    threads);
            generating.await();
            AtomicReference<Thread> second = new AtomicReference<>();
            CompletableFuture<WrappingKeyPair> waiting = CompletableFuture.supplyAsync(() -> {
                second.set(Thread.currentThread());
                return source.take(USE, T0);
            }, threads);
            while (second.get() == null || second.get().getState() != Thread.State.WAITING) {
                Thread.onSpinWait(); // until it waits: on the use's lock, or (were it to generate) in slow
            }

            assertThat(source.take(other, T0)).as("another use does not wait").isEqualTo(PAIRS.get(0));
            generated.countDown();
            assertThat(first.get()).isEqualTo(PAIRS.get(1));
            assertThat(waiting.get()).as("the waiting request shares the one new pair").isEqualTo(PAIRS.get(1));
            assertThat(fresh.asked).containsExactly(other, USE);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void overAnEmptyStockTheFirstTokenOfAUseWaitsForOneGenerationAndTheNextShareIt() {
        try (PregeneratedWrappingKeySource empty = new PregeneratedWrappingKeySource(Map.of(), new SecureRandom(),
                Executors.defaultThreadFactory())) {
            SharedWrappingKeySource source = new SharedWrappingKeySource(empty, new WrappingKeySharing(100,
                    Duration.ofMinutes(10)));
            WrappingKeyPair first = source.take(USE, T0);
            assertThat(empty.misses()).as("generated on the caller's thread").isEqualTo(1);

            assertThat(source.take(USE, T0.plusSeconds(1))).isSameAs(first);
            assertThat(empty.misses()).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
