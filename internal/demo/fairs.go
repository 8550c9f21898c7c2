package demo

import (
	"github.com/aswaq/aswaq/internal/civil"
	"github.com/aswaq/aswaq/internal/fair"
	"github.com/aswaq/aswaq/internal/mltext"
)

// Fairs are the five fairs of the press releases Aswaq grew from (shared/seeds), with the
// facts those releases state. Where a release is wrong or silent, the comment says what was
// chosen and why.
func Fairs() []fair.Edition {
	return []fair.Edition{
		{ // Seed 000: Sefrou mobile market, Fès-Meknès, July 2022.
			// The release calls it both "the first in Sefrou province" and "this second
			// edition"; Taza (December 2022) announces itself as the second, so this is the first.
			Kind: fair.MobileMarket, Number: 1, RegionCode: "03", ProvinceCode: "451",
			City:  mltext.Text{AR: "صفرو", FR: "Sefrou", ZGH: "ⵚⴼⵔⵓ"},
			Venue: mltext.Text{AR: "ساحة مساي", FR: "Place Massay"},
			Title: mltext.Text{
				AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني بإقليم صفرو",
				FR: "Marché itinérant de l'économie sociale et solidaire – province de Sefrou",
			},
			Slogan: mltext.Text{
				AR: "اقتصاد اجتماعي وتضامني متنوع وسياحة مستدامة وواعدة",
				FR: "Une économie sociale et solidaire diversifiée et un tourisme durable et prometteur",
			},
			StartsOn: civil.MustNew(2022, 7, 12), EndsOn: civil.MustNew(2022, 7, 16),
			AreaM2: 1500, TargetVisitors: 10000, TargetOrgs: 52,
			Status: fair.Closed,
		},
		{ // Seed 001: Taza mobile market, second edition, opened Saturday 10 December 2022.
			// The release says it runs "from 10 to 5 December", which cannot be; a mobile market
			// lasts five days, so the demo stores 10–14 December. The release names no venue.
			Kind: fair.MobileMarket, Number: 2, RegionCode: "03", ProvinceCode: "561",
			City: mltext.Text{AR: "تازة", FR: "Taza", ZGH: "ⵜⴰⵣⴰ"},
			Title: mltext.Text{
				AR: "السوق المتنقل للاقتصاد الاجتماعي والتضامني بتازة",
				FR: "Marché itinérant de l'économie sociale et solidaire à Taza",
			},
			Slogan: mltext.Text{
				AR: "في الانتاج متعاونون وفي الشراء متضامنون",
				FR: "Coopératifs dans la production, solidaires dans l'achat",
			},
			StartsOn: civil.MustNew(2022, 12, 10), EndsOn: civil.MustNew(2022, 12, 14),
			Status: fair.Closed,
		},
		{ // Seed 002: third regional fair of Fès-Meknès, Fès hippodrome, October 2022.
			Kind: fair.RegionalFair, Number: 3, RegionCode: "03", ProvinceCode: "231",
			City:  mltext.Text{AR: "فاس", FR: "Fès", ZGH: "ⴼⴰⵙ"},
			Venue: mltext.Text{AR: "فضاء سباق الخيل", FR: "Espace de l'hippodrome"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني لجهة فاس-مكناس",
				FR: "Salon régional de l'économie sociale et solidaire de Fès-Meknès",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني دعامة للتنمية الجهوية ورافعة للنموذج التنموي الجديد",
				FR: "L'économie sociale et solidaire, pilier du développement régional et levier du nouveau modèle de développement",
			},
			StartsOn: civil.MustNew(2022, 10, 15), EndsOn: civil.MustNew(2022, 10, 24),
			AreaM2: 4000, TargetExhibitors: 260, TargetStands: 130,
			Status: fair.Closed,
		},
		{ // Seed 003: third regional fair of Béni Mellal-Khénifra, Khénifra. The release
			// (undated) says it opened "yesterday, Monday" and runs "until 3 December"; the
			// fair resumed after two years of Covid-19, so 2022, and the Monday before
			// 3 December 2022 is 28 November.
			Kind: fair.RegionalFair, Number: 3, RegionCode: "05", ProvinceCode: "301",
			City:  mltext.Text{AR: "خنيفرة", FR: "Khénifra", ZGH: "ⵅⵏⵉⴼⵕⴰ"},
			Venue: mltext.Text{AR: "ساحة المسيرة الخضراء", FR: "Place de la Marche Verte"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني لجهة بني ملال-خنيفرة",
				FR: "Salon régional de l'économie sociale et solidaire de Béni Mellal-Khénifra",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني رافعة لتنمية السياحة الجبلية والمستدامة",
				FR: "L'économie sociale et solidaire, levier du développement du tourisme de montagne et durable",
			},
			StartsOn: civil.MustNew(2022, 11, 28), EndsOn: civil.MustNew(2022, 12, 3),
			AreaM2: 5000, TargetExhibitors: 320,
			Status: fair.Closed,
		},
		{ // Seed 004: second regional fair of Drâa-Tafilalet, Ouarzazate, September 2025:
			// 160 organisations (80 handicraft + 80 local products) and 15 institutional stands.
			Kind: fair.RegionalFair, Number: 2, RegionCode: "08", ProvinceCode: "401",
			City:  mltext.Text{AR: "ورزازات", FR: "Ouarzazate", ZGH: "ⵡⴰⵔⵣⴰⵣⴰⵜ"},
			Venue: mltext.Text{AR: "فضاء المصلى", FR: "Espace Al Moussalla"},
			Title: mltext.Text{
				AR: "المعرض الجهوي للاقتصاد الاجتماعي والتضامني بجهة درعة تافيلالت",
				FR: "Salon régional de l'économie sociale et solidaire de Drâa-Tafilalet",
			},
			Slogan: mltext.Text{
				AR: "الاقتصاد الاجتماعي والتضامني رافعة أساسية للتمكين الاقتصادي للمرأة والشباب بالوسط القروي",
				FR: "L'économie sociale et solidaire, levier essentiel de l'autonomisation économique des femmes et des jeunes en milieu rural",
			},
			StartsOn: civil.MustNew(2025, 9, 17), EndsOn: civil.MustNew(2025, 9, 22),
			AreaM2: 4000, TargetExhibitors: 320, TargetOrgs: 160, TargetStands: 175,
			Status: fair.Closed,
		},
	}
}
