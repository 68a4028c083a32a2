package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long START = 5_000_000_000L;

    @Test
    void requestIIsDueAtStartPlusIOverTheRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 1000, 10);
        assertThat(schedule.dueNanos(0)).isEqualTo(START);
        assertThat(schedule.dueNanos(1)).isEqualTo(START + 1_000_000);
        assertThat(schedule.dueNanos(9)).isEqualTo(START + 9_000_000);
        assertThat(schedule.endNanos()).isEqualTo(START + 9_000_000);
    }

    @Test
    void aRateThatIsNoWholeNumberOfNanosecondsKeepsNoDrift() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 3, 3_000_001);
        // 1e9 / 3 is 333,333,333.33… ns: after three million requests, exactly a million seconds
        assertThat(schedule.dueNanos(3_000_000)).isEqualTo(START + 1_000_000_000_000_000L);
    }

    @Test
    void dueByCountsTheRequestsDueAtOrBeforeAnInstant() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 1000, 10);
        assertThat(schedule.dueBy(START - 1)).isZero();
        assertThat(schedule.dueBy(START)).isEqualTo(1);
        assertThat(schedule.dueBy(START + 999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(START + 1_000_000)).isEqualTo(2);
        assertThat(schedule.dueBy(START + 9_000_000)).isEqualTo(10);
        assertThat(schedule.dueBy(START + 60_000_000_000L)).as("never more than the segment has").isEqualTo(10);
    }

    @Test
    void dueByAgreesWithDueNanosAtEveryRequestOfAnOddRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 7, 1000);
        for (long i = 0; i < 1000; i++) {
            long due = schedule.dueNanos(i);
            assertThat(schedule.dueBy(due)).as("at request %d's due time", i).isEqualTo(i + 1);
            assertThat(schedule.dueBy(due - 1)).as("just before request %d's due time", i).isEqualTo(i);
        }
    }

    @Test
    void latencyIsCountedFromTheDueTimeNotFromWhenTheRequestWasSent() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100, 100);
        // request 5 was due at START + 50 ms; a stalled server let it go out only at START + 2 s and answered it at
        // START + 2.001 s: the request waited 1.951 s, all of it charged to the server
        long answered = START + 2_001_000_000L;
        assertThat(schedule.latencyNanos(5, answered)).isEqualTo(1_951_000_000L);
    }

    @Test
    void refusesRequestsOutsideTheSegment() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100, 100);
        assertThatThrownBy(() -> schedule.dueNanos(100)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> schedule.dueNanos(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(START, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
