package dev.keyport.application.port.in;

/** @param batchSize at most how many keys one sweep visits */
public record SweepCommand(int batchSize) {

    public SweepCommand {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size >= 1");
        }
    }
}
