//! Which item takes over when another expires: what `license list --expiring-within` needs to tell an
//! expiry that matters (exit 9, renew now) from one a renewal already covers.

use chrono::{DateTime, Utc};

use super::option::LicenseOption;
use super::status::ItemStatus;

/// An item as the coverage rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct Term<'a> {
    pub id: &'a str,
    pub product: &'a str,
    pub option: LicenseOption,
    pub status: ItemStatus,
    pub valid_from: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The handshake codes it is bound to.
    pub codes: &'a [String],
}

/// For each item, the one that covers its expiry, if any: another item of the same product and option,
/// not expired or revoked, valid from no later than this one expires and lasting beyond it, and bound to
/// every code this one is bound to (devices of those codes move over to it when this one runs out). Of
/// several, the one that lasts longest (then the lowest id).
pub fn covered_by(items: &[Term<'_>]) -> Vec<Option<usize>> {
    items
        .iter()
        .map(|x| {
            items
                .iter()
                .enumerate()
                .filter(|(_, y)| {
                    y.id != x.id
                        && y.product == x.product
                        && y.option == x.option
                        && y.status.is_bindable()
                        && y.valid_from <= x.expires_at
                        && y.expires_at > x.expires_at
                        && x.codes.iter().all(|c| y.codes.contains(c))
                })
                .max_by(|(_, a), (_, b)| a.expires_at.cmp(&b.expires_at).then(b.id.cmp(a.id)))
                .map(|(i, _)| i)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap() + Duration::days(n)
    }

    fn term<'a>(id: &'a str, from: i64, to: i64, codes: &'a [String]) -> Term<'a> {
        Term {
            id,
            product: "barcode-reader",
            option: LicenseOption::PerDevice,
            status: ItemStatus::Active,
            valid_from: day(from),
            expires_at: day(to),
            codes,
        }
    }

    #[test]
    fn a_renewal_bound_to_the_same_codes_covers_an_expiry() {
        let app = vec!["APP".to_string()];
        let both = vec!["APP".to_string(), "WEB".to_string()];
        let none: Vec<String> = vec![];
        let old = term("OLD", -300, 10, &app);
        let renewal = Term { status: ItemStatus::NotYetValid, ..term("NEW", 5, 375, &both) };
        assert_eq!(covered_by(&[old, renewal]), [Some(1), None]);
        // Not bound to the code: its devices would find nothing when OLD expires.
        assert_eq!(covered_by(&[old, term("NEW", 5, 375, &none)]), [None, None]);
        // Starting only after OLD has expired leaves a gap.
        assert_eq!(covered_by(&[old, term("NEW", 11, 375, &app)])[0], None);
        // Starting exactly at the expiry takes over without a gap.
        assert_eq!(covered_by(&[old, term("NEW", 10, 375, &app)])[0], Some(1));
        // Another product or option does not serve the same devices.
        let other = Term { product: "ocr", ..term("NEW", 5, 375, &app) };
        assert_eq!(covered_by(&[old, other])[0], None);
        let scans = Term { option: LicenseOption::PerScan, ..term("NEW", 5, 375, &app) };
        assert_eq!(covered_by(&[old, scans])[0], None);
        // Revoked or expiring first: no cover.
        let revoked = Term { status: ItemStatus::Revoked, ..term("NEW", 5, 375, &app) };
        assert_eq!(covered_by(&[old, revoked])[0], None);
        assert_eq!(covered_by(&[old, term("NEW", -5, 8, &app)]), [None, Some(0)]);
        // Of two renewals, the one that lasts longer.
        let short = term("NEW-1", 5, 100, &app);
        let long = term("NEW-2", 5, 400, &app);
        assert_eq!(covered_by(&[old, short, long])[0], Some(2));
    }
}
