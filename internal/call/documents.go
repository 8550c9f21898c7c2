package call

import "github.com/aswaq/aswaq/internal/org"

// DocKind is a kind of supporting document.
type DocKind string

// The documents councils ask for.
const (
	Statutes           DocKind = "statutes"            // النظام الأساسي
	RegisterExtract    DocKind = "register_extract"    // شهادة التسجيل في سجل التعاونيات / RC
	ICECertificate     DocKind = "ice_certificate"     // شهادة التعريف الموحد للمقاولة
	AssociationReceipt DocKind = "association_receipt" // الوصل النهائي
	CraftCard          DocKind = "craft_card"          // بطاقة الصانع التقليدي
	FoodSafetyDoc      DocKind = "food_safety"         // ترخيص أو إشهاد المكتب الوطني للسلامة الصحية
	PresidentID        DocKind = "president_id"        // بطاقة التعريف الوطنية للرئيس(ة)
	ProductPhotos      DocKind = "product_photos"      // صور المنتوجات
	OtherDocument      DocKind = "other"
)

// DocKinds lists the kinds in the order forms offer them.
var DocKinds = []DocKind{Statutes, RegisterExtract, ICECertificate, AssociationReceipt, CraftCard,
	FoodSafetyDoc, PresidentID, ProductPhotos, OtherDocument}

// DocumentRule says a document is required, of every applicant or only of some legal forms.
type DocumentRule struct {
	Kind       DocKind
	LegalForms []org.LegalForm // empty: every applicant
}

// MaxDocumentBytes bounds one uploaded document.
const MaxDocumentBytes = 5 << 20
