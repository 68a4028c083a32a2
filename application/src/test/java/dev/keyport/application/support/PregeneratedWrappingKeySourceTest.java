package dev.keyport.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.out.WrappingKeyUse;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PregeneratedWrappingKeySourceTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void keepsAStockReadyHandsEachPairOutOnceAndRefills() throws Exception {
        try (PregeneratedWrappingKeySource source = new PregeneratedWrappingKeySource(
                Map.of(WrappingKeySpec.RSA_2048, 3), new SecureRandom(), Executors.defaultThreadFactory())) {
            awaitStock(source, 3);
            Set<java.math.BigInteger> moduli = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                WrappingKeyPair pair = source.take(use(WrappingKeySpec.RSA_2048), NOW);
                assertThat(pair.spec()).isEqualTo(WrappingKeySpec.RSA_2048);
                moduli.add(((java.security.interfaces.RSAPublicKey) pair.publicKey()).getModulus());
            }
            assertThat(moduli).as("distinct pairs").hasSize(3);
            assertThat(source.misses()).isZero();
            awaitStock(source, 3);
        }
    }

    @Test
    void anEmptyStockOrAnUnstockedSpecIsGeneratedOnTheCallersThread() {
        try (PregeneratedWrappingKeySource source = new PregeneratedWrappingKeySource(
                Map.of(), new SecureRandom(), Executors.defaultThreadFactory())) {
            WrappingKeyPair pair = source.take(use(WrappingKeySpec.RSA_3072), NOW);
            assertThat(pair.spec()).isEqualTo(WrappingKeySpec.RSA_3072);
            assertThat(source.misses()).isEqualTo(1);
        }
    }

    private static WrappingKeyUse use(WrappingKeySpec spec) {
        return new WrappingKeyUse(KeyScope.of("tenant", "ap-guangzhou"), spec, WrappingAlgorithm.RSAES_OAEP_SHA_256);
    }

    private static void awaitStock(PregeneratedWrappingKeySource source, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (source.available(WrappingKeySpec.RSA_2048) < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(source.available(WrappingKeySpec.RSA_2048)).isEqualTo(size);
    }
}
