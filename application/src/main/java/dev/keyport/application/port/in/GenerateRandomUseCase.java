package dev.keyport.application.port.in;

/** {@code bytes} (1 to 1,024) bytes from Keyport's source of randomness. No key is involved. */
public interface GenerateRandomUseCase {

    byte[] generateRandom(int bytes);
}
