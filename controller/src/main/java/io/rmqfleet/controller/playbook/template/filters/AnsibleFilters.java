package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;

/** Registers rmqfleet's Ansible filters and tests, replacing jinjava's where semantics differ. */
public final class AnsibleFilters {

    private AnsibleFilters() {
    }

    public static List<Filter> filters() {
        List<Filter> all = new ArrayList<>();
        all.addAll(CoreFilters.all());
        all.addAll(SelectFilters.all());
        all.addAll(TextFilters.all());
        all.addAll(DataFilters.all());
        return all;
    }

    public static void register(Context global) {
        for (Filter f : filters()) {
            global.registerFilter(f);
        }
        for (ExpTest t : AnsibleTests.all()) {
            global.registerExpTest(t);
        }
    }
}
