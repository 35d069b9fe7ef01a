package io.rmqfleet.controller.module.control;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code set_fact}: every argument becomes a host variable for the rest of the run. Runs on the controller. */
public final class SetFactModule implements TaskModule {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public String name() {
        return "set_fact";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ArgSpec argSpec() {
        return ArgSpec.anyArguments();
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        Map<String, Object> facts = new LinkedHashMap<>();
        args.asMap().forEach((name, value) -> {
            if (name.equals("cacheable")) {
                return; // no fact cache here: accepted for compatibility, nothing to do
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new ModuleArgumentException("the variable name '" + name + "' is not valid: use letters, digits and _");
            }
            facts.put(name, value);
        });
        if (facts.isEmpty()) {
            throw new ModuleArgumentException("no key/value pairs given: set_fact needs at least one variable");
        }
        return ModuleResult.okBuilder().facts(facts).build();
    }
}
