package textfold

import "testing"

var benchInputs = []struct{ name, s string }{
	{"ascii_folded", "cooperative al amal sidi kacem"},
	{"ascii", "Cooperative Al-Amal, Sidi Kacem"},
	{"french", "Coopérative féminine de l'huile d'olive, Béni Mellal–Khénifra"},
	{"arabic", "تعاونيةُ الأمل للصناعة التقليدية بإقليم سيدي قاسم، جهة الرباط-سلا-القنيطرة"},
	{"tifinagh", "ⴰⵙⵡⴰⵇ ⵏ ⵜⴷⴰⵎⵙⴰ ⵜⴰⵏⴰⵎⵓⵏⵜ"},
}

func BenchmarkFold(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(in.s)
			}
		})
	}
}
