"""Independent reference of Patron's invoice-lines rules (docs/importing.md), for cross-checking counts."""
import csv, gzip, sys, collections, json
from decimal import Decimal, ROUND_HALF_UP
from datetime import datetime
from zoneinfo import ZoneInfo
LON = ZoneInfo("Europe/London")

def epoch(s):
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=LON).timestamp()

def run(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    skipped = collections.Counter(); rejected = collections.Counter(); notes = collections.Counter()
    invoices = collections.OrderedDict()  # id -> dict(lines=[], seen=set(), last=0)
    line_no = 1
    for r in rows[1:]:
        line_no += 1
        inv, sku, desc, qty, date, price, cust, country = r
        if inv.startswith('A'):
            skipped['not-a-sale'] += 1; continue
        if cust == '':
            skipped['guest-line'] += 1; continue
        p = Decimal(price); q = int(qty)
        if p < 0: rejected['negative-price'] += 1; continue
        if p == 0: skipped['zero-price'] += 1; continue
        if q == 0: skipped['zero-quantity'] += 1; continue
        d = invoices.setdefault(inv, {'lines': [], 'seen': set(), 'last': 0})
        key = tuple(r)
        d['last'] = line_no
        if key in d['seen']:
            skipped['duplicate-line'] += 1; continue
        d['seen'].add(key)
        d['lines'].append((line_no, cust, epoch(date), q, p, sku, country))
    # process in order of last line
    order_list = sorted(invoices.items(), key=lambda kv: kv[1]['last'])
    orders = {}  # id -> dict(cust, at, amount, refunded, skus)
    by_cust = collections.defaultdict(list)
    customers = {}
    refunds = 0; cancels_refunded = 0; unmatched_minor = 0
    for inv, d in order_list:
        lines = d['lines']
        c0 = lines[0][1]
        assert all(l[1] == c0 for l in lines)
        pos = any(l[3] > 0 for l in lines); neg = any(l[3] < 0 for l in lines)
        prefixed = inv.startswith('C')
        if (prefixed and pos) or (pos and neg):
            rejected['mixed-invoice'] += len(lines); continue
        at = min(l[2] for l in lines)
        if neg:
            value = sum((l[4] * -l[3] for l in lines), Decimal(0)).quantize(Decimal('0.01'), ROUND_HALF_UP)
            left = int(value * 100)
            skus = {l[5] for l in lines}
            cands = [o for o in by_cust[c0] if o['at'] <= at and o['amount'] - o['refunded'] > 0]
            cands.sort(key=lambda o: (o['at'], o['id']), reverse=True)
            shares = 0
            for pref in (True, False):
                for o in cands:
                    if left == 0: break
                    if (len(o['skus'] & skus) > 0) == pref:
                        take = min(left, o['amount'] - o['refunded'])
                        o['refunded'] += take; left -= take; shares += 1
            refunds += shares
            if shares == 0:
                skipped['cancellation-unmatched'] += len(lines)
            elif left > 0:
                notes['cancellation-capped'] += 1
            if shares: cancels_refunded += 1
            unmatched_minor += left
        else:
            amount = sum((l[4] * l[3] for l in lines), Decimal(0)).quantize(Decimal('0.01'), ROUND_HALF_UP)
            if inv in orders:
                rejected['id-conflict'] += len(lines); continue
            if c0 not in customers:
                customers[c0] = lines[0][6]
            o = {'id': inv, 'at': at, 'amount': int(amount * 100), 'refunded': 0, 'skus': {l[5] for l in lines}}
            orders[inv] = o; by_cust[c0].append(o)
    return {'rowsRead': len(rows) - 1, 'orders': len(orders), 'customers': len(customers), 'refunds': refunds,
            'cancellationsRefunded': cancels_refunded, 'unmatchedMinor': unmatched_minor,
            'skipped': dict(skipped), 'rejected': dict(rejected), 'notes': dict(notes),
            'gross': sum(o['amount'] for o in orders.values()),
            'refundedTotal': sum(o['refunded'] for o in orders.values())}

if __name__ == '__main__':
    print(json.dumps(run(sys.argv[1]), indent=1, sort_keys=True))
