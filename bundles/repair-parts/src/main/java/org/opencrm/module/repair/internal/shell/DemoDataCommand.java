package org.opencrm.module.repair.internal.shell;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.dto.WarehouseInput;
import org.opencrm.module.repair.internal.model.WarehouseKind;
import org.opencrm.module.repair.internal.service.PartCatalogService;
import org.opencrm.module.repair.internal.service.StockService;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.security.CrmUser;

@Command(scope = "repair", name = "demo-data", description = "A demo parts catalogue, the HQ central warehouse with stock, and stock at the given service centres")
@Service
public class DemoDataCommand implements Action {
    private static final List<String[]> PARTS = List.of(new String[] { "LCD-NOVA", "显示屏总成 Display assembly", "180.00", "399.00" },
            new String[] { "BAT-NOVA", "电池 Battery", "45.00", "129.00" }, new String[] { "CAM-NOVA", "后置摄像头 Rear camera", "60.00", "199.00" },
            new String[] { "USB-NOVA", "尾插小板 Charging port board", "12.00", "59.00" }, new String[] { "SPK-NOVA", "扬声器 Speaker", "8.00", "39.00" });

    @Reference
    PartCatalogService parts;
    @Reference
    StockService stock;

    @Option(name = "--hq", required = true, description = "account id of the head office (owner of the HQ central warehouse)")
    long hq;

    @Option(name = "--centre", multiValued = true, description = "account id of a service centre to stock (repeatable)")
    List<Long> centres;

    @Option(name = "--models", multiValued = true, description = "model codes the demo parts fit (default NOVA-5, NOVA-6)")
    List<String> models;

    @Override
    public Object execute() {
        CrmUser admin = CrmUser.SYSTEM;
        List<String> fits = models == null || models.isEmpty() ? List.of("NOVA-5", "NOVA-6") : models;
        for (String[] p : PARTS) {
            try {
                parts.create(admin, new PartInput(p[0], p[1], fits, new BigDecimal(p[2]), new BigDecimal(p[3]), true, null));
            } catch (ConflictException exists) {
                // a second run keeps the catalogue
            }
        }
        WarehouseData central = stock.warehouses(admin).stream().filter(w -> w.kind().equals("HQ")).findFirst()
                .orElseGet(() -> stock.createWarehouse(admin, new WarehouseInput("HQ-CENTRAL", "总部中心库 HQ central", WarehouseKind.HQ, hq, null)));
        for (String[] p : PARTS) {
            stock.receive(admin, new StockInput(central.id(), p[0], 100L, "demo data"));
        }
        for (Long centre : centres == null ? List.<Long>of() : centres) {
            WarehouseData w = stock.centreWarehouse(admin, centre);
            for (String[] p : PARTS) {
                stock.receive(admin, new StockInput(w.id(), p[0], 5L, "demo data"));
            }
            System.out.println("Stocked " + w.code() + " (" + w.name() + ")");
        }
        System.out.println(PARTS.size() + " parts; HQ warehouse " + central.code() + " (id " + central.id() + ") has 100 more of each");
        return null;
    }
}
