//! What keeps the served pages safe, after OWASP's cheat sheets: random secrets,
//! tokens compared in constant time, the same-origin check on every POST, the
//! headers on every response, and the per-client limit on POSTs.

use axum::http::{HeaderMap, HeaderValue, header};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// `bytes` random bytes from the system's generator, as lowercase hex.
pub fn secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the system's random generator works");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A 128-bit secret: session cookies, form tokens, result addresses, the advisor's
/// token.
pub fn token() -> String {
    secret(16)
}

/// The letters of a personal code: Crockford's base 32, which has no I, L, O or U,
/// so that a code read aloud or copied from paper comes back right.
const CODE_LETTERS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short personal code to resume with: 10 letters (50 bits), shown as
/// `ABCDE-FGHJK`. Guessing one is held back by the limit on POSTs.
pub fn personal_code() -> String {
    let mut buf = [0u8; 10];
    getrandom::fill(&mut buf).expect("the system's random generator works");
    let letters: String = buf
        .iter()
        .map(|b| CODE_LETTERS[usize::from(b % 32)] as char)
        .collect();
    format!("{}-{}", &letters[..5], &letters[5..])
}

/// A personal code as a person types it back: any case, with or without the dash
/// or spaces, O for 0 and I or L for 1.
pub fn normalise_code(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    let valid = letters.len() == 10 && letters.bytes().all(|b| CODE_LETTERS.contains(&b));
    valid.then(|| format!("{}-{}", &letters[..5], &letters[5..]))
}

/// Whether a given token is the expected one, in time that does not depend on
/// where they differ.
pub fn same_token(given: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    given.len() == expected.len() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

/// A POST must come from this site. Where the browser says where a request came
/// from (`Sec-Fetch-Site`, sent over HTTPS and to localhost), it must be this site
/// or the person's own typing; its Origin must be this server as the browser
/// reached it. Browsers do not send `Sec-Fetch-*` to plain-HTTP addresses on a
/// network, so the Origin check is what holds there. A request with neither (a
/// script, an old browser) is left to the form token; Origin "null" (a sandboxed
/// or privacy-stripped page) is refused.
pub fn same_origin(headers: &HeaderMap, tls: bool) -> bool {
    let fetched_from = headers.get("sec-fetch-site").map(|v| v.as_bytes());
    if fetched_from.is_some_and(|site| site != b"same-origin" && site != b"none") {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let scheme = if tls { "https" } else { "http" };
    origin
        .to_str()
        .is_ok_and(|o| o.eq_ignore_ascii_case(&format!("{scheme}://{host}")))
}

/// The content security policy: nothing but this server's style sheet and forms
/// that post back to it; no scripts at all, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The headers every response carries. Every page is personal or the advisor's, so
/// none is kept in a cache.
pub fn add_headers(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Not `no-referrer`: under it a browser sends `Origin: null` with every POST,
    // and the origin check could not tell this site's forms from another's.
    // `same-origin` keeps the address (a result's key, the advisor's token) from
    // every other site.
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CACHE_CONTROL, "no-store");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
}

/// POSTs a client may make: a burst, then a steady rate. A class behind one school
/// address shares the per-address limit, which is why it is generous; a student's
/// own pages are limited by their session.
pub struct Limits {
    by_session: DefaultKeyedRateLimiter<String>,
    by_address: DefaultKeyedRateLimiter<std::net::IpAddr>,
}

/// A student's pages: 20 at once, then 2 a second (a page of ten questions takes
/// far longer to answer).
const SESSION_BURST: u32 = 20;
const SESSION_PER_SECOND: u32 = 2;
/// Starts, resumes and advisor actions from one address: 300 at once (a whole
/// year group behind one school router), then 5 a second. Guessing a 50-bit personal
/// code at 5 a second takes millions of years.
const ADDRESS_BURST: u32 = 300;
const ADDRESS_PER_SECOND: u32 = 5;

impl Limits {
    pub fn new() -> Self {
        let quota = |per_second: u32, burst: u32| {
            Quota::per_second(NonZeroU32::new(per_second).expect("non-zero"))
                .allow_burst(NonZeroU32::new(burst).expect("non-zero"))
        };
        Limits {
            by_session: RateLimiter::keyed(quota(SESSION_PER_SECOND, SESSION_BURST)),
            by_address: RateLimiter::keyed(quota(ADDRESS_PER_SECOND, ADDRESS_BURST)),
        }
    }

    /// Whether a POST may go ahead: by session when the client has one, else by
    /// address.
    pub fn allow(&self, session: Option<&str>, address: std::net::IpAddr) -> bool {
        match session {
            Some(session) => self.by_session.check_key(&session.to_string()).is_ok(),
            None => self.by_address.check_key(&address).is_ok(),
        }
    }

    /// Forget clients that are back to a full allowance, so memory stays bounded.
    pub fn tidy(&self) {
        self.by_session.retain_recent();
        self.by_address.retain_recent();
        self.by_session.shrink_to_fit();
        self.by_address.shrink_to_fit();
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_back_as_people_type_them() {
        let code = personal_code();
        assert_eq!(code.len(), 11);
        assert_eq!(normalise_code(&code), Some(code.clone()));
        assert_eq!(
            normalise_code(&code.to_lowercase().replace('-', " ")),
            Some(code)
        );
        assert_eq!(
            normalise_code("abcde-fgh0o"),
            Some("ABCDE-FGH00".to_string())
        );
        assert_eq!(normalise_code("il1"), None);
        assert_eq!(normalise_code("ABCDE-FGHUU"), None);
    }

    #[test]
    fn tokens_are_compared_whole() {
        let t = token();
        assert_eq!(t.len(), 32);
        assert!(same_token(&t, &t.clone()));
        assert!(!same_token(&t[..31], &t));
        assert!(!same_token("", &t));
        assert_ne!(token(), t);
    }

    #[test]
    fn origin_must_be_this_server() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("10.0.0.5:8080"));
        assert!(same_origin(&headers, false));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://10.0.0.5:8080"),
        );
        assert!(same_origin(&headers, false));
        assert!(!same_origin(&headers, true));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&headers, false));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&headers, false));
        // Where the browser says the request came from, only this site will do.
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://10.0.0.5:8080"),
        );
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&headers, false));
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers, false));
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-site"));
        assert!(!same_origin(&headers, false));
    }

    #[test]
    fn a_session_is_held_to_its_burst() {
        let limits = Limits::new();
        let here = std::net::IpAddr::from([127, 0, 0, 1]);
        let allowed = (0..SESSION_BURST + 5)
            .filter(|_| limits.allow(Some("s"), here))
            .count();
        assert_eq!(allowed, SESSION_BURST as usize);
        // Another session is not held back by the first.
        assert!(limits.allow(Some("t"), here));
    }
}
