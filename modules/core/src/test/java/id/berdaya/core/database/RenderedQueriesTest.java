package id.berdaya.core.database;

import id.berdaya.db.enums.AppUserRole;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedQueriesTest {

    private final DSLContext dsl = DSL.using(SQLDialect.MARIADB);
    private final RenderedQueries queries = new RenderedQueries(dsl, 2);

    @Test
    void aShapeIsRenderedOnceAndItsParametersKeepTheirOrderAndRepeats() {
        Query q = dsl.selectOne().where(DSL.field("a").eq(DSL.param("x", 1)))
                .and(DSL.field("b").eq(DSL.param("y", "b"))).and(DSL.field("c").eq(DSL.param("x", 1)));
        RenderedQueries.Rendered first = queries.get("shape", q);

        assertThat(first.parameters()).containsExactly("x", "y", "x");
        assertThat(first.sql()).isEqualTo(dsl.render(q));
        assertThat(queries.get("shape", dsl.selectOne())).as("kept for its shape").isSameAs(first);
    }

    @Test
    void valuesAreBoundByNameAndEnumsAsTheirLiteral() throws Exception {
        RenderedQueries.Rendered r = new RenderedQueries.Rendered("select ? , ?, ?", List.of("role", "n", "role"));
        List<Object> bound = new ArrayList<>();
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setObject")) {
                        bound.add(args[0] + "=" + args[1]);
                    }
                    return null;
                });
        r.bind(ps, Map.of("role", AppUserRole.DISTRICT_HEAD, "n", 7));

        assertThat(bound).containsExactly("1=DISTRICT_HEAD", "2=7", "3=DISTRICT_HEAD");
        assertThatThrownBy(() -> r.bind(ps, Map.of("n", 7))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role");
    }

    @Test
    void aValueThatIsNotANamedParameterIsRefused() {
        Query q = dsl.selectOne().where(DSL.val(1).eq(DSL.param("named", 1)));
        assertThatThrownBy(() -> queries.render(q)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a named parameter");
    }

    @Test
    void onlyParametersOutsideQuotesCount() {
        assertThat(RenderedQueries.parameterNames("select ':no', `a:b` from t where x = :yes and y = :also_this"))
                .containsExactly("yes", "also_this");
    }

    @Test
    void beyondItsCapacityAShapeIsRenderedEachTime() {
        queries.get("one", dsl.selectOne());
        queries.get("two", dsl.selectOne());
        RenderedQueries.Rendered third = queries.get("three", dsl.selectOne());
        assertThat(queries.get("three", dsl.selectOne())).isNotSameAs(third).isEqualTo(third);
    }
}
