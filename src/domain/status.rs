//! Whether a license item can serve devices right now.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    Active,
    NotYetValid,
    Expired,
    Revoked,
}

impl ItemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Active => "active",
            ItemStatus::NotYetValid => "not-yet-valid",
            ItemStatus::Expired => "expired",
            ItemStatus::Revoked => "revoked",
        }
    }

    /// Items that may still be bound to a code: serving now, or a renewal bought ahead of time.
    pub fn is_bindable(self) -> bool {
        matches!(self, ItemStatus::Active | ItemStatus::NotYetValid)
    }
}

/// A revocation item and the item it names are both invalid, whatever their dates say.
pub fn item_status(
    valid_from: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    revoked: bool,
    now: DateTime<Utc>,
) -> ItemStatus {
    if revoked {
        ItemStatus::Revoked
    } else if now >= expires_at {
        ItemStatus::Expired
    } else if now < valid_from {
        ItemStatus::NotYetValid
    } else {
        ItemStatus::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn status_follows_the_validity_window() {
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let to = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
        let at = |y, m| Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).unwrap();
        assert_eq!(item_status(from, to, false, at(2025, 6)), ItemStatus::NotYetValid);
        assert_eq!(item_status(from, to, false, from), ItemStatus::Active);
        assert_eq!(item_status(from, to, false, at(2026, 6)), ItemStatus::Active);
        assert_eq!(item_status(from, to, false, to), ItemStatus::Expired);
        assert_eq!(item_status(from, to, true, at(2026, 6)), ItemStatus::Revoked);
        assert!(ItemStatus::NotYetValid.is_bindable());
        assert!(!ItemStatus::Expired.is_bindable());
        assert!(!ItemStatus::Revoked.is_bindable());
    }
}
