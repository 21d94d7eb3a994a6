package org.sendscope.ingest.paper;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.testing.SharedData;
import org.sendscope.warehouse.Warehouse;

class PaperExplore {
    @Test
    void explore() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            for (String p : new String[] {"bcp-send-improvement-plan-2023-26.txt", "bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt"}) {
                KpiLoadReport r = PaperLoader.load(w, SourceFile.of(SharedData.paper(p)), "E06000058", "2024-07-24");
                System.out.println(r.summary());
            }
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(System.getProperty("q", "SELECT line, field, raw_value, reason FROM load_rejects ORDER BY load_id, line"))) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append(" | ");
                    System.out.println(b);
                }
            }
        }
    }
}
