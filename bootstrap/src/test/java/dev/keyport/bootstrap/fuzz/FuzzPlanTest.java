package dev.keyport.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The fuzz keeps up with the adapters: every action they serve is fuzzed, with every field of its request record, and
 * every field gets about a hundred hostile values or more. The adapters' action tables are read by reflection, so that
 * a new action or field fails here until the fuzz covers it.
 */
class FuzzPlanTest {

    @Test
    void everyTencentActionAndEveryFieldOfItsRequestIsFuzzed() throws Exception {
        Map<String, Set<String>> served = served("dev.keyport.adapter.tencent.TencentActions",
                new PropertyNamingStrategies.UpperCamelCaseStrategy()::translate);
        assertThat(served).hasSize(25);
        assertCovered(served, FuzzPlan.tencentActions());
    }

    @Test
    void everyHuaweiOperationAndEveryFieldOfItsBodyIsFuzzed() throws Exception {
        Map<String, Set<String>> served = served("dev.keyport.adapter.huawei.HuaweiActions",
                new PropertyNamingStrategies.SnakeCaseStrategy()::translate);
        assertThat(served).hasSize(20);
        assertCovered(served, FuzzPlan.huaweiActions());
    }

    @Test
    void everyFieldGetsAboutAHundredHostileValuesOrMore() {
        for (FuzzPlan.Vendor vendor : FuzzPlan.Vendor.values()) {
            for (HostileValues.Kind kind : HostileValues.Kind.values()) {
                List<HostileValues.Hostile> values = HostileValues.forKind(kind, vendor);
                assertThat(values).as(vendor + " " + kind).hasSizeBetween(90, 130);
                Set<String> labels = new HashSet<>();
                values.forEach(v -> assertThat(labels.add(v.label())).as("label " + v.label() + " twice").isTrue());
            }
        }
    }

    private static void assertCovered(Map<String, Set<String>> served, List<FuzzPlan.Action> plan) {
        Map<String, Set<String>> fuzzed = new TreeMap<>();
        for (FuzzPlan.Action action : plan) {
            Set<String> fields = new HashSet<>();
            action.fields().forEach(f -> fields.add(f.path().split("\\.")[0]));
            fuzzed.put(action.name(), fields);
        }
        assertThat(fuzzed.keySet()).containsExactlyInAnyOrderElementsOf(served.keySet());
        served.forEach((action, fields) -> assertThat(fuzzed.get(action)).as(action).containsAll(fields));
    }

    /** Each action the adapter serves, and the wire names of its request record's fields. */
    private static Map<String, Set<String>> served(String table, UnaryOperator<String> wireName) throws Exception {
        Field all = Class.forName(table).getDeclaredField("ALL");
        all.setAccessible(true);
        Map<String, Set<String>> served = new TreeMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) all.get(null)).entrySet()) {
            Method requestType = entry.getValue().getClass().getDeclaredMethod("requestType");
            requestType.setAccessible(true);
            Set<String> fields = new HashSet<>();
            for (RecordComponent component : ((Class<?>) requestType.invoke(entry.getValue())).getRecordComponents()) {
                fields.add(wireName.apply(component.getName()));
            }
            served.put((String) entry.getKey(), fields);
        }
        return served;
    }
}
