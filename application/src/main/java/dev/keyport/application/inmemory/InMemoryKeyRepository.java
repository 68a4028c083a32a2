package dev.keyport.application.inmemory;

import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.CmkSnapshot;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.ImportGrant;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.MaterialExpiry;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keys in memory, for tests and for embedding. Stores snapshots and rebuilds a fresh aggregate on every load, so that
 * a caller's changes reach the store only through {@link #update}; versions detect concurrent changes as a database
 * would.
 */
public final class InMemoryKeyRepository implements KeyRepository {

    private final Map<KeyId, CmkSnapshot> keys = new HashMap<>();

    @Override
    public synchronized Optional<Cmk> find(KeyScope scope, KeyId id) {
        CmkSnapshot stored = keys.get(id);
        if (stored == null || !stored.scope().equals(scope)) {
            return Optional.empty();
        }
        return Optional.of(Cmk.rehydrate(stored));
    }

    @Override
    public synchronized void add(Cmk key) {
        CmkSnapshot snapshot = key.snapshot();
        if (keys.containsKey(snapshot.id())) {
            throw new IllegalStateException("key id " + snapshot.id() + " is taken");
        }
        boolean aliasTaken = keys.values().stream()
                .anyMatch(k -> k.scope().equals(snapshot.scope()) && k.alias().equals(snapshot.alias()));
        if (aliasTaken) {
            throw new AliasAlreadyExistsException(snapshot.alias());
        }
        keys.put(snapshot.id(), snapshot.withVersion(1));
    }

    /** Checks the whole batch before it stores any of it: the in-memory store has no rollback. */
    @Override
    public synchronized void addAll(List<Cmk> batch) {
        Set<ScopedAlias> aliases = new HashSet<>();
        for (CmkSnapshot stored : keys.values()) {
            aliases.add(new ScopedAlias(stored.scope(), stored.alias()));
        }
        Set<KeyId> ids = new HashSet<>();
        for (Cmk key : batch) {
            if (keys.containsKey(key.id()) || !ids.add(key.id())) {
                throw new ConcurrentKeyChangeException(key.id());
            }
            if (!aliases.add(new ScopedAlias(key.scope(), key.alias()))) {
                throw new AliasAlreadyExistsException(key.alias(), key.id());
            }
        }
        for (Cmk key : batch) {
            keys.put(key.id(), key.snapshot().withVersion(1));
        }
    }

    private record ScopedAlias(KeyScope scope, Alias alias) {
    }

    @Override
    public synchronized List<KeyRef> findStored(Collection<KeyId> ids) {
        return ids.stream().map(keys::get).filter(Objects::nonNull).map(s -> new KeyRef(s.scope(), s.id())).toList();
    }

    @Override
    public synchronized void update(Cmk key) {
        CmkSnapshot stored = requireVersion(key);
        if (!stored.alias().equals(key.alias()) && keys.values().stream().anyMatch(k -> !k.id().equals(key.id())
                && k.scope().equals(key.scope()) && k.alias().equals(key.alias()))) {
            throw new AliasAlreadyExistsException(key.alias(), key.id());
        }
        keys.put(stored.id(), key.snapshot().withVersion(stored.version() + 1));
    }

    @Override
    public synchronized void remove(Cmk key) {
        requireVersion(key);
        keys.remove(key.id());
    }

    private CmkSnapshot requireVersion(Cmk key) {
        CmkSnapshot stored = keys.get(key.id());
        if (stored == null || stored.version() != key.version() || !stored.scope().equals(key.scope())) {
            throw new ConcurrentKeyChangeException(key.id());
        }
        return stored;
    }

    @Override
    public synchronized KeyPage list(KeyScope scope, KeyQuery query) {
        Comparator<KeyView> order = Comparator.comparing(KeyView::createdAt).thenComparing(KeyView::id);
        List<KeyView> matching = keys.values().stream()
                .filter(s -> s.scope().equals(scope))
                .map(s -> viewAt(s, query.now()))
                .flatMap(Optional::stream)
                .filter(v -> query.states().contains(v.state()))
                .filter(v -> query.origin().map(o -> o == v.origin()).orElse(true))
                .filter(v -> query.usage().map(u -> u == v.usage()).orElse(true))
                .filter(v -> query.search().map(text -> matches(v, text)).orElse(true))
                .sorted(query.newestFirst() ? order.reversed() : order)
                .toList();
        List<KeyView> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new KeyPage(page, matching.size());
    }

    /** The key as seen at {@code now}, or empty when it is past its deletion date; its material is not touched. */
    private static Optional<KeyView> viewAt(CmkSnapshot s, Instant now) {
        if (s.state() == KeyState.PENDING_DELETE && !now.isBefore(s.deletionDate())) {
            return Optional.empty();
        }
        boolean expired = MaterialExpiry.isDue(s.origin(), s.hasMaterial(), s.materialExpiresAt(), now);
        return Optional.of(new KeyView(s.id(), s.scope(), s.alias(), s.description(), s.usage(), s.origin(),
                MaterialExpiry.stateAt(s.origin(), s.state(), s.hasMaterial(), s.materialExpiresAt(), now),
                s.createdAt(), expired ? Optional.empty() : Optional.ofNullable(s.materialExpiresAt()),
                Optional.ofNullable(s.deletionDate())));
    }

    private static boolean matches(KeyView view, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return view.alias().value().toLowerCase(Locale.ROOT).contains(needle) || view.id().value().contains(needle);
    }

    @Override
    public synchronized List<KeyRef> findMaterialExpiryDue(Instant now, int limit) {
        return keys.values().stream()
                .filter(s -> s.origin() == Origin.EXTERNAL && s.hasMaterial() && s.materialExpiresAt() != null
                        && !now.isBefore(s.materialExpiresAt()))
                .sorted(Comparator.comparing(CmkSnapshot::materialExpiresAt))
                .limit(limit)
                .map(s -> new KeyRef(s.scope(), s.id()))
                .toList();
    }

    @Override
    public synchronized List<KeyRef> findPurgeDue(Instant now, int limit) {
        return keys.values().stream()
                .filter(s -> s.state() == KeyState.PENDING_DELETE && !now.isBefore(s.deletionDate()))
                .sorted(Comparator.comparing(CmkSnapshot::deletionDate))
                .limit(limit)
                .map(s -> new KeyRef(s.scope(), s.id()))
                .toList();
    }

    @Override
    public synchronized int removeExpiredGrants(Instant now) {
        int removed = 0;
        for (Map.Entry<KeyId, CmkSnapshot> entry : keys.entrySet()) {
            CmkSnapshot s = entry.getValue();
            List<ImportGrant> live = s.grants().stream().filter(g -> now.isBefore(g.expiresAt())).toList();
            if (live.size() != s.grants().size()) {
                removed += s.grants().size() - live.size();
                entry.setValue(s.withGrants(live));
            }
        }
        return removed;
    }

    public synchronized int size() {
        return keys.size();
    }
}
