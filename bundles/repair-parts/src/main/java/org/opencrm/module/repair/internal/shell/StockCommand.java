package org.opencrm.module.repair.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.repair.internal.dto.StockLevel;
import org.opencrm.module.repair.internal.service.StockService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;

@Command(scope = "repair", name = "stock", description = "Parts on hand by warehouse (all warehouses, or one), optionally only part numbers starting with a prefix")
@Service
public class StockCommand implements Action {
    @Reference
    StockService stock;

    @Option(name = "--warehouse", description = "warehouse id")
    Long warehouseId;

    @Argument(index = 0, name = "part", required = false, description = "part number prefix")
    String part;

    @Override
    public Object execute() {
        Page<StockLevel> levels = stock.levels(CrmUser.SYSTEM, warehouseId, PageRequest.of(part, 0, PageRequest.MAX_LIMIT));
        System.out.printf("%-16s %-20s %-30s %10s%n", "WAREHOUSE", "PART", "NAME", "QUANTITY");
        for (StockLevel l : levels.items()) {
            System.out.printf("%-16s %-20s %-30s %10d%n", l.warehouseCode(), l.partNumber(), l.partName(), l.quantity());
        }
        System.out.println(levels.total() + " rows" + (levels.total() > levels.items().size() ? " (first " + levels.items().size() + " shown)" : ""));
        return null;
    }
}
