package placement

// flowNet is a small min-cost flow network (successive shortest paths with Bellman–Ford),
// enough for the few dozen groups the construction matches: organisations grouped by
// (sector, needs) on one side, places by (sector block, facilities) on the other.
type flowNet struct {
	to, cap, cost []int
	head, next    []int
}

func newFlowNet(n int) *flowNet {
	f := &flowNet{head: make([]int, n)}
	for i := range f.head {
		f.head[i] = -1
	}
	return f
}

// add adds an arc u→v and returns its index (the reverse arc is index+1).
func (f *flowNet) add(u, v, capacity, cost int) int {
	id := len(f.to)
	for _, a := range [2][3]int{{v, capacity, cost}, {u, 0, -cost}} {
		f.to = append(f.to, a[0])
		f.cap = append(f.cap, a[1])
		f.cost = append(f.cost, a[2])
		f.next = append(f.next, f.head[u])
		f.head[u] = len(f.to) - 1
		u = v
	}
	return id
}

// run sends as much flow as possible from s to t at least cost. Ties are broken by arc
// order, so the result is deterministic.
func (f *flowNet) run(s, t int) {
	n := len(f.head)
	const inf = int(^uint(0) >> 2)
	for {
		dist := make([]int, n)
		via := make([]int, n)
		for i := range dist {
			dist[i], via[i] = inf, -1
		}
		dist[s] = 0
		for changed, round := true, 0; changed && round < n; round++ {
			changed = false
			for u := range n {
				if dist[u] == inf {
					continue
				}
				for a := f.head[u]; a >= 0; a = f.next[a] {
					if f.cap[a] > 0 && dist[u]+f.cost[a] < dist[f.to[a]] {
						dist[f.to[a]] = dist[u] + f.cost[a]
						via[f.to[a]] = a
						changed = true
					}
				}
			}
		}
		if dist[t] == inf {
			return
		}
		push := inf
		for v := t; v != s; v = f.to[via[v]^1] {
			push = min(push, f.cap[via[v]])
		}
		for v := t; v != s; v = f.to[via[v]^1] {
			f.cap[via[v]] -= push
			f.cap[via[v]^1] += push
		}
	}
}
