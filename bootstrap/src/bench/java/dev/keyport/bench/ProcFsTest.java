package dev.keyport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFsTest {

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        // a command name with spaces and parentheses, as a thread may name itself; utime 1234, stime 567
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 90 0 0 0 1234 567 8 9 20 0 42 0 100 "
                + "4000000000 50000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcFs.cpuTicksOfStat(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void statusSizesAreReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  250000 kB\nVmRSS:\t  200000 kB\nThreads:\t42\n";
        assertThat(ProcFs.statusBytesOf(status, "VmRSS")).hasValue(200_000L * 1024);
        assertThat(ProcFs.statusBytesOf(status, "VmHWM")).hasValue(250_000L * 1024);
        assertThat(ProcFs.statusBytesOf(status, "VmSwap")).isEmpty();
    }

    @Test
    void machineBusyTicksLeaveOutIdleAndIowait() {
        String procStat = "cpu  100 2 30 5000 40 6 7 8 0 0\ncpu0 50 1 15 2500 20 3 3 4 0 0\nintr 1 2 3\n";
        assertThat(ProcFs.busyTicksOfProcStat(procStat)).isEqualTo(100 + 2 + 30 + 6 + 7 + 8);
    }

    @Test
    void compilerThreadsAreHotSpotsC1AndC2ByTheirTruncatedNames() {
        String tail = " S 1 4242 4242 0 -1 4194560 90 0 0 0 10 5 8 9 20 0 42 0 100 4000000000 50000";
        assertThat(ProcFs.isCompilerThread("4250 (C2 CompilerThre)" + tail)).isTrue();
        assertThat(ProcFs.isCompilerThread("4251 (C1 CompilerThre)" + tail)).isTrue();
        assertThat(ProcFs.isCompilerThread("4252 (vert.x-eventloo)" + tail)).isFalse();
        assertThat(ProcFs.isCompilerThread("4253 (GC Thread#0)" + tail)).isFalse();
        assertThat(ProcFs.isCompilerThread("4254 (x C2 CompilerThre)" + tail)).isFalse();
    }

    @Test
    void thisJvmHasCompilerThreadsWhoseTicksAreReadable() {
        assertThat(ProcFs.compilerTicks(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
        assertThat(ProcFs.compilerTicks(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
