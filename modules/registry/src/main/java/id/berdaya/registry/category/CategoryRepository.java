package id.berdaya.registry.category;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.berdaya.db.Tables.REGISTRY_CATEGORY;

/** The PPKS categories (reference data of the province, not district-owned). */
@Repository
class CategoryRepository {

    private final DSLContext dsl;

    CategoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Category> categories() {
        return dsl.selectFrom(REGISTRY_CATEGORY).orderBy(REGISTRY_CATEGORY.NUMBER)
                .fetch(r -> new Category(r.getId(), r.getNumber(), r.getName(), Boolean.TRUE.equals(r.getActive())));
    }

    Category addCategory(String name) {
        int number = dsl.select(org.jooq.impl.DSL.max(REGISTRY_CATEGORY.NUMBER)).from(REGISTRY_CATEGORY).fetchOne(0, Integer.class) + 1;
        var r = dsl.newRecord(REGISTRY_CATEGORY);
        r.setNumber(number);
        r.setName(name);
        r.setActive(true);
        r.store();
        return new Category(r.getId(), number, name, true);
    }

    boolean setCategoryActive(int id, boolean active) {
        var r = dsl.selectFrom(REGISTRY_CATEGORY).where(REGISTRY_CATEGORY.ID.eq(id)).fetchOne();
        if (r == null) {
            return false;
        }
        r.setActive(active);
        r.store();
        return true;
    }

    Map<Integer, String> categoryNames() {
        Map<Integer, String> m = new LinkedHashMap<>();
        categories().forEach(c -> m.put(c.id(), c.label()));
        return m;
    }
}
