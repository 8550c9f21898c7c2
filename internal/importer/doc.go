// Package importer reads the registries of organisations that regional councils keep in
// spreadsheets, and writes the registry back as spreadsheets. It is pure: it reads and
// writes bytes, and knows nothing of HTTP or the database.
//
// # Reading
//
// Open tells a file's format from its content (a ZIP holding xl/workbook.xml is XLSX;
// text is CSV), whatever its name, and refuses what it cannot read with a message key
// that says why: an empty file, a PDF, an old .xls or a password-protected workbook, an
// .ods, an image, a damaged file (importer.error.file_*). CSV may be UTF-8 (with or
// without a byte-order mark), UTF-16 (Excel's "Unicode text"), or Windows-1256 (Arabic)
// or Windows-1252 (French) as older Excel writes it; the delimiter (, ; tab |) is found
// from the first lines, or from Excel's "sep=" line. In an XLSX workbook the first
// visible sheet with data is read, as a stream; cells are read raw, so dates come as
// Excel serial numbers (1900 or 1904 system) and numbers as they were typed.
//
// The header row is the row, among the first 30 non-empty ones, whose cells name the most
// fields (two at least); title rows above it and empty rows are skipped. Headers match
// fields by their words, folded as search folds them (textfold: hamza, harakat, ة/ه,
// accents and case do not matter), with small words (de, du, d', l', و, من…) and the
// Arabic article left out, first exactly, then by the longest synonym the header
// contains ("رقم هاتف الرئيس" is a phone, "عدد أعضاء التعاونية" a member count). The
// synonyms (headers.go) include, per field:
//
//	name          اسم التعاونية، الاسم، التسمية، الهيئة، التعاونية، الجمعية · Nom, Raison sociale, Dénomination, Intitulé
//	name_ar/fr    الاسم بالعربية / بالفرنسية · Nom en arabe / en français, Nom (AR) / (FR)
//	legal_form    الشكل القانوني، الصفة القانونية، النوع · Forme juridique, Statut juridique, Type
//	province      الإقليم، العمالة، العمالة أو الإقليم · Province, Préfecture
//	sector        القطاع، قطاع النشاط، المجال · Secteur, Secteur d'activité, Filière, Domaine
//	categories    النشاط، نوع النشاط، المنتوجات، المنتجات · Activité, Produits, Catégorie
//	ice           ICE، التعريف الموحد، رقم التعريف الموحد · Identifiant commun de l'entreprise, N° ICE
//	register      رقم التسجيل، رقم السجل، رقم القيد، السجل التجاري · N° d'inscription, RC, Registre de commerce
//	court         المحكمة، المحكمة الابتدائية · Tribunal
//	receipt       رقم الوصل، الوصل النهائي، تاريخ الوصل · Récépissé, N° récépissé, Date du récépissé
//	founded       تاريخ التأسيس، تاريخ الإنشاء · Date de création; سنة التأسيس · Année de création (a year)
//	address       العنوان، المقر، المقر الاجتماعي · Adresse, Siège social
//	phone         الهاتف، رقم الهاتف، النقال، هاتف الرئيس · Tél, Téléphone, GSM, Portable, Mobile
//	phone2        الهاتف 2، الهاتف الثابت · Tél 2, Fixe (and a second phone column)
//	whatsapp      واتساب · WhatsApp (yes/no, or the number)
//	email, web    البريد الإلكتروني، الموقع الإلكتروني، فيسبوك، إنستغرام · E-mail, Courriel, Site web
//	members       عدد الأعضاء، عدد المنخرطين · Nombre d'adhérents; عدد النساء، المنخرطات · Nombre de femmes, Dont femmes;
//	              عدد الرجال · Hommes; عدد الشباب، أقل من 35 سنة · Jeunes, Moins de 35 ans
//	women/youth   تسيرها نساء، نسائية · Dirigée par des femmes; يسيرها شباب · Dirigée par des jeunes
//	programmes    البرنامج، برنامج الدعم · Programme d'appui
//	food safety   رقم الترخيص الصحي، أونسا · ONSSA, Autorisation sanitaire
//	description   الوصف، نبذة · Description, Présentation
//	(ignored)     الرقم الترتيبي، ر.ت، الجهة، الجماعة، ملاحظات، الرئيس، اسم الرئيس، CIN · N°, Région, Commune,
//	              Observations, Président, Nom du président, Nom et prénom
//
// plus English words and the labels of importer.field.* in the three catalogs, so that
// Aswaq's own exports map back. Propose gives a Mapping (one Field per column) that a
// mapping form lets the organiser correct (Fields, Field.LabelKey, Mapping.Set,
// Mapping.Check).
//
// # Converting
//
// Scan (and Preview, Records) convert each data row with the mapping: Arabic-Indic digits;
// phones as 0612-345678, 06 12 34 56 78, +212…, 00212…, or a number that lost its leading
// zero, possibly two in a cell; ICEs that a spreadsheet kept as numbers get their leading
// zeros back; dates day first (02/04/2019, 2/4/2019, 02-04-19, 2019-04-02, "2 أبريل
// 2019") or as Excel serials; provinces by name in Arabic or French, with common variants
// (ProvinceIndex: "فاس", "Fès", "Fes", "إقليم صفرو", "Province de Sefrou", "Tanger") or by
// code; legal forms, sectors, categories and programmes by their Arabic, French or English
// words ("تعاونية" → cooperative, "العسل" → the honey category, whose sector is local
// products); yes/no as نعم/لا, oui/non, x, 1/0. A missing legal form is read from the
// name ("تعاونية …", "Association …"), a missing sector from the categories, the men from
// the total and the women. Then org.Organisation.Validate checks the record. Every error
// names its line (the file's line, or the sheet's row number), its column (letter and
// header) and what is wrong, as a catalog key rendered by RowError.Message.
//
// Rows are read one at a time from the source at each pass: a file of 60,000 rows is never
// held in memory, and large sheets are unzipped to temporary files.
//
// # Writing
//
// WriteRejected writes the rejected rows, as they were, with a column of errors in the
// organiser's language (a right-to-left sheet in Arabic), ready to be corrected and
// imported again. Exporter writes the registry as CSV (UTF-8 with a byte-order mark) or
// XLSX (frozen, styled header; right to left in Arabic), with ExportColumns.
package importer
