package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.Test;

class TestStatementReuse {
  private static final Meta.ConnectionHandle CONNECTION = new Meta.ConnectionHandle("c1");
  private static final Meta.Signature SIGNATURE = Meta.Signature.create(List.of(), "SELECT 1",
      List.of(), Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);

  /** A hand-written remote Meta that records the calls reaching it. */
  private static final class RemoteCalls {
    final List<String> calls = new ArrayList<>();
    final AtomicInteger nextId = new AtomicInteger(1);
    /** The first frame the next prepareAndExecute answers with; null for an update count. */
    Meta.Frame frame = Meta.Frame.EMPTY;
    RuntimeException failure;

    Meta meta() {
      return (Meta) Proxy.newProxyInstance(Meta.class.getClassLoader(),
          new Class<?>[] {Meta.class}, (proxy, method, args) -> {
            switch (method.getName()) {
              case "createStatement" -> {
                int id = nextId.getAndIncrement();
                calls.add("create " + id);
                return new Meta.StatementHandle("c1", id, null);
              }
              case "prepare" -> {
                int id = nextId.getAndIncrement();
                calls.add("prepare " + id);
                return new Meta.StatementHandle("c1", id, null);
              }
              case "closeStatement" -> {
                calls.add("close " + ((Meta.StatementHandle) args[0]).id);
                return null;
              }
              case "prepareAndExecute" -> {
                Meta.StatementHandle handle = (Meta.StatementHandle) args[0];
                calls.add("execute " + handle.id);
                if (failure != null) {
                  throw failure;
                }
                return new Meta.ExecuteResult(List.of(frame == null
                    ? Meta.MetaResultSet.count("c1", handle.id, 1)
                    : Meta.MetaResultSet.create("c1", handle.id, true, SIGNATURE, frame)));
              }
              default -> throw new UnsupportedOperationException(method.getName());
            }
          });
    }
  }

  private static Meta.ExecuteResult execute(Meta meta, Meta.StatementHandle handle)
      throws Exception {
    return meta.prepareAndExecute(handle, "SELECT 1", -1, -1, null);
  }

  @Test
  void closedStatementWhoseResultCameWholeIsReusedWithoutRoundTrips() throws Exception {
    RemoteCalls remote = new RemoteCalls();
    Meta meta = StatementReuse.wrap(remote.meta());
    Meta.StatementHandle first = meta.createStatement(CONNECTION);
    execute(meta, first);
    meta.closeStatement(first);
    Meta.StatementHandle second = meta.createStatement(CONNECTION);
    execute(meta, second);
    meta.closeStatement(second);
    remote.frame = null;
    Meta.StatementHandle third = meta.createStatement(CONNECTION);
    execute(meta, third);
    meta.closeStatement(third);

    assertThat(second.id).isEqualTo(first.id);
    assertThat(third.id).isEqualTo(first.id);
    assertThat(remote.calls).containsExactly("create 1", "execute 1", "execute 1", "execute 1");
  }

  @Test
  void statementWithAResultLeftOnTheServerIsClosed() throws Exception {
    RemoteCalls remote = new RemoteCalls();
    Meta meta = StatementReuse.wrap(remote.meta());
    remote.frame = Meta.Frame.MORE;
    Meta.StatementHandle first = meta.createStatement(CONNECTION);
    execute(meta, first);
    meta.closeStatement(first);
    Meta.StatementHandle second = meta.createStatement(CONNECTION);

    assertThat(second.id).isEqualTo(2);
    assertThat(remote.calls).containsExactly("create 1", "execute 1", "close 1", "create 2");
  }

  @Test
  void statementWhoseExecutionFailedIsClosed() throws Exception {
    RemoteCalls remote = new RemoteCalls();
    Meta meta = StatementReuse.wrap(remote.meta());
    remote.failure = new IllegalStateException("Cannot run: boom");
    Meta.StatementHandle first = meta.createStatement(CONNECTION);
    assertThatThrownBy(() -> execute(meta, first))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot run: boom");
    meta.closeStatement(first);

    assertThat(remote.calls).containsExactly("create 1", "execute 1", "close 1");
  }

  @Test
  void preparedStatementsAreClosed() {
    RemoteCalls remote = new RemoteCalls();
    Meta meta = StatementReuse.wrap(remote.meta());
    Meta.StatementHandle prepared = meta.prepare(CONNECTION, "SELECT 1", -1);
    meta.closeStatement(prepared);
    meta.createStatement(CONNECTION);

    assertThat(remote.calls).containsExactly("prepare 1", "close 1", "create 2");
  }

  @Test
  void atMostFourStatementsWaitAndTheOldestIsClosedFirst() {
    RemoteCalls remote = new RemoteCalls();
    Meta meta = StatementReuse.wrap(remote.meta());
    List<Meta.StatementHandle> open = new ArrayList<>();
    for (int i = 0; i < StatementReuse.MAX_IDLE + 1; i++) {
      open.add(meta.createStatement(CONNECTION));
    }
    open.forEach(meta::closeStatement);

    assertThat(remote.calls).containsExactly(
        "create 1", "create 2", "create 3", "create 4", "create 5", "close 1");
  }

  @Test
  void statementIdleForOverAMinuteIsClosedAndReplaced() {
    RemoteCalls remote = new RemoteCalls();
    AtomicLong now = new AtomicLong();
    Meta meta = StatementReuse.wrap(remote.meta(), now::get);
    meta.closeStatement(meta.createStatement(CONNECTION));
    now.addAndGet(StatementReuse.MAX_IDLE_NANOS + 1);
    Meta.StatementHandle next = meta.createStatement(CONNECTION);

    assertThat(next.id).isEqualTo(2);
    assertThat(remote.calls).containsExactly("create 1", "close 1", "create 2");
  }
}
