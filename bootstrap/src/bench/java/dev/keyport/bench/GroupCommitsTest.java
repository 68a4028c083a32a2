package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupCommitsTest {

    private static final String SCRAPE = """
            # HELP keyport_store_flushes_total H2 group commits: flushes that wrote committed transactions to the file
            # TYPE keyport_store_flushes_total counter
            keyport_store_flushes_total 120.0
            # HELP keyport_store_flushed_transactions_total H2 group commits: transactions made durable by them
            # TYPE keyport_store_flushed_transactions_total counter
            keyport_store_flushed_transactions_total 480.0
            keyport_store_flushes_by_kind_total{kind="x"} 7.0
            """;

    @Test
    void bothCountersAreReadFromTheirUnlabelledSamples() {
        GroupCommits commits = GroupCommits.parse(SCRAPE);
        assertThat(commits.flushes()).isEqualTo(120.0);
        assertThat(commits.transactions()).isEqualTo(480.0);
    }

    @Test
    void theGroupSizeOverASegmentIsTheTransactionsItAddedPerFlushItAdded() {
        GroupCommits before = new GroupCommits(120, 480);
        GroupCommits after = new GroupCommits(220, 1280);
        assertThat(after.since(before).perFlush()).isEqualTo(8.0);
    }

    @Test
    void noFlushOrAMissingCounterIsNoGroupSize() {
        assertThat(new GroupCommits(5, 9).since(new GroupCommits(5, 9)).perFlush()).isNaN();
        assertThat(GroupCommits.parse("keyport_store_flushes_total 3.0\n")).isEqualTo(GroupCommits.UNKNOWN);
        assertThat(GroupCommits.parse("")).isEqualTo(GroupCommits.UNKNOWN);
        assertThat(new GroupCommits(3, 9).since(GroupCommits.UNKNOWN).perFlush()).isNaN();
        assertThat(GroupCommits.UNKNOWN.since(new GroupCommits(3, 9)).perFlush()).isNaN();
    }
}
