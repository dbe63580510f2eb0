package id.berdaya.ui.training;

/**
 * The attendance sheet's script in the browser (inline, no npm): a tap changes the row at once and
 * is queued in localStorage under the session and the user, with a sequence number per
 * participant (the larger of its last one plus one and the clock in milliseconds); the queue goes
 * to the server in one call ({@code $server.taps}), which answers every tap it was sent and the
 * record as it now stands; answered taps leave the queue. While a call is under way further taps
 * wait and go together in the next one. After a dropped connection the queue is sent again when the
 * browser is back online, every 5 seconds while it is not empty, and on the next page load (the
 * server ignores a tap it already has). {@code this} is the rows' container; the parameters are the
 * storage key, the state labels (JSON), the server's sequences (JSON) and the view's element.
 */
final class AttendanceTapQueue {

    static final String SCRIPT = """
            const root = this, key = $0, labels = JSON.parse($1), last = JSON.parse($2), view = $3;
            const order = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];
            const load = () => { try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; } };
            const save = q => q.length ? localStorage.setItem(key, JSON.stringify(q)) : localStorage.removeItem(key);
            const row = p => root.querySelector('[data-participant="' + p + '"]');
            const show = (p, s) => {
              const r = row(p);
              if (r) { r.setAttribute('data-state', s || ''); r.querySelector('.berdaya-attendance-state').textContent = labels[s || '']; }
            };
            const tap = (p, s, q) => {
              const seq = Math.max((last[p] || 0) + 1, Date.now());
              last[p] = seq;
              q.push({p: p, s: s, q: seq});
              show(p, s);
            };
            let busy = false;
            const flush = () => {
              const q = load();
              if (busy || !q.length || !root.isConnected) return;
              busy = true;
              const sent = new Set(q.map(t => t.p + ':' + t.q));
              const giveUp = setTimeout(() => { busy = false; }, 20000);
              view.$server.taps(q.map(t => t.p + ':' + t.s + ':' + t.q).join(',')).then(answer => {
                clearTimeout(giveUp);
                const a = JSON.parse(answer), done = new Set(a.done);
                const rest = load().filter(t => !done.has(t.p + ':' + t.q));
                save(rest);
                Object.entries(a.now).forEach(([p, m]) => {
                  last[p] = Math.max(last[p] || 0, m[1]);
                  if (!rest.some(t => String(t.p) === p)) show(p, m[0]);
                });
                busy = false;
                if (rest.some(t => !sent.has(t.p + ':' + t.q))) flush();
              }, () => { clearTimeout(giveUp); busy = false; });
            };
            load().forEach(t => { last[t.p] = Math.max(last[t.p] || 0, t.q); show(t.p, t.s); });
            root.addEventListener('click', e => {
              const all = e.target.closest('#attendance-all-present');
              const r = e.target.closest('[data-participant]');
              if (!all && (!r || r.hasAttribute('disabled'))) return;
              const q = load();
              if (all) {
                root.querySelectorAll('[data-participant]').forEach(x => tap(Number(x.dataset.participant), 'PRESENT', q));
              } else {
                const s = r.getAttribute('data-state');
                tap(Number(r.dataset.participant), s ? order[(order.indexOf(s) + 1) % order.length] : 'PRESENT', q);
              }
              save(q);
              flush();
            });
            const online = () => root.isConnected ? flush() : window.removeEventListener('online', online);
            window.addEventListener('online', online);
            const every = setInterval(() => root.isConnected ? flush() : clearInterval(every), 5000);
            flush();
            """;

    private AttendanceTapQueue() {
    }
}
