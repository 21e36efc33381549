//! Where `serve` is reached: the addresses printed at start (the machine's own,
//! one a line, when bound to all interfaces; or those of `--public-url`), the Hosts
//! it answers (any other gets 421, which stops DNS rebinding), and the Origins its
//! forms may come from.

use std::net::{IpAddr, SocketAddr};

/// A `--public-url`: how browsers reach the server through a proxy or a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    pub scheme: String,
    /// Lower case; an IPv6 address without its brackets.
    pub host: String,
    pub port: Option<u16>,
}

impl PublicUrl {
    /// `http://` or `https://`, a host, perhaps a port, and no path.
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let problem = |why: &str| {
            format!(
                "`{text}` is not an address like https://quiz.school.example or \
                 http://192.168.1.20:8080: {why}"
            )
        };
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| problem("it starts with neither http:// nor https://"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(problem("it starts with neither http:// nor https://"));
        }
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.contains(['/', '?', '#']) {
            return Err(problem(
                "it has a path; the quiz is served at the root of its address",
            ));
        }
        if rest.contains('@') {
            return Err(problem("it has a user name"));
        }
        let (host, port) = match rest.strip_prefix('[') {
            Some(v6) => {
                let (host, after) = v6
                    .split_once(']')
                    .ok_or_else(|| problem("its [ has no ]"))?;
                host.parse::<std::net::Ipv6Addr>()
                    .map_err(|_| problem("what is in [ ] is not an IPv6 address"))?;
                (host.to_string(), after.strip_prefix(':'))
            }
            None => match rest.split_once(':') {
                Some((host, port)) => (host.to_string(), Some(port)),
                None => (rest.to_string(), None),
            },
        };
        let port = match port {
            Some(port) => Some(
                port.parse::<u16>()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| problem("its port is not a number from 1 to 65535"))?,
            ),
            None => None,
        };
        let name_like = |h: &str| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b':')
        };
        if !name_like(&host) {
            return Err(problem("it has no host name"));
        }
        Ok(PublicUrl {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// `scheme://host[:port]`, as a browser's Origin says it.
    pub fn origin(&self) -> String {
        let host = match self.host.parse::<std::net::Ipv6Addr>() {
            Ok(_) => format!("[{}]", self.host),
            Err(_) => self.host.clone(),
        };
        match self.port {
            Some(port) => format!("{}://{host}:{port}", self.scheme),
            None => format!("{}://{host}", self.scheme),
        }
    }
}

/// How the server is reached, from the bind address, the machine's addresses and
/// `--public-url`.
pub struct Reach {
    /// The server's own scheme.
    pub scheme: &'static str,
    names: Vec<String>,
    addresses: Vec<IpAddr>,
    /// The `--public-url` origins, which forms may also come from.
    pub public_origins: Vec<String>,
    /// The students' addresses, `scheme://host:port`, the one to print first first.
    pub urls: Vec<String>,
}

impl Reach {
    pub fn new(local: SocketAddr, tls: bool, public: &[PublicUrl]) -> Reach {
        let scheme = if tls { "https" } else { "http" };
        let mut addresses = vec![local.ip()];
        let mut found = Vec::new();
        if local.ip().is_unspecified() {
            found = machine_addresses();
            addresses.extend(&found);
            addresses.extend([
                IpAddr::from([127, 0, 0, 1]),
                std::net::Ipv6Addr::LOCALHOST.into(),
            ]);
        }
        let mut names = vec!["localhost".to_string()];
        for url in public {
            match url.host.parse::<IpAddr>() {
                Ok(ip) => addresses.push(ip),
                Err(_) => names.push(url.host.clone()),
            }
        }
        let own = |ip: IpAddr| format!("{scheme}://{}", SocketAddr::new(ip, local.port()));
        let urls = if !public.is_empty() {
            public.iter().map(PublicUrl::origin).collect()
        } else if local.ip().is_unspecified() {
            // Phones can open these; a link-local IPv6 address needs its interface
            // named, which no browser's address bar takes.
            let reachable: Vec<String> = found
                .iter()
                .filter(|ip| !ip.is_loopback() && !is_link_local(ip))
                .map(|ip| own(*ip))
                .collect();
            if reachable.is_empty() {
                vec![own(IpAddr::from([127, 0, 0, 1]))]
            } else {
                reachable
            }
        } else {
            vec![own(local.ip())]
        };
        Reach {
            scheme,
            names,
            addresses,
            public_origins: public.iter().map(PublicUrl::origin).collect(),
            urls,
        }
    }

    /// Whether a request's Host (`host`, `host:port`, `[v6]:port`) is one this
    /// server is reached by; ports are not compared, since a proxy may change them.
    pub fn allows_host(&self, authority: &str) -> bool {
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split_once(']').map_or(v6, |(h, _)| h),
            None => authority.split(':').next().unwrap_or(authority),
        };
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        match host.parse::<IpAddr>() {
            Ok(ip) => self.addresses.contains(&ip),
            Err(_) => self.names.contains(&host),
        }
    }

    /// The address to make a link with for a request that came with this Host: the
    /// `--public-url` it names (or the first), else this server as the request
    /// reached it.
    pub fn base_for(&self, host: Option<&str>) -> String {
        if let Some(first) = self.public_origins.first() {
            let named = host.and_then(|h| {
                self.public_origins.iter().find(|o| {
                    o.split_once("://")
                        .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(h))
                })
            });
            return named.unwrap_or(first).clone();
        }
        match host {
            Some(host) => format!("{}://{host}", self.scheme),
            None => self.urls[0].clone(),
        }
    }
}

fn is_link_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// The addresses of this machine's interfaces; none if they cannot be listed.
fn machine_addresses() -> Vec<IpAddr> {
    let mut found: Vec<IpAddr> = if_addrs::get_if_addrs()
        .map(|interfaces| interfaces.iter().map(|i| i.ip()).collect())
        .unwrap_or_default();
    // IPv4 first: it is the shorter to type.
    found.sort_by_key(|ip| (ip.is_ipv6(), *ip));
    found.dedup();
    found
}

/// The students' address as a QR code for a terminal, two rows of modules a line,
/// light on dark as terminals mostly are (phones read it either way).
pub fn qr_code(url: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .build(),
    )
}

/// A sign-in link as a QR code in a page: an inline SVG, which the page's
/// content security policy allows (it loads nothing).
pub fn qr_svg(url: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let image = code.render::<svg::Color>().min_dimensions(240, 240).build();
    // The XML declaration is for a file of its own, not for a page.
    let start = image.find("<svg")?;
    Some(image[start..].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_read_or_refused_with_the_reason() {
        let url = PublicUrl::parse("HTTPS://Quiz.School.Example/").unwrap();
        assert_eq!(url.origin(), "https://quiz.school.example");
        let url = PublicUrl::parse("http://[fd00::5]:8080").unwrap();
        assert_eq!(url.origin(), "http://[fd00::5]:8080");
        for (bad, why) in [
            ("quiz.school.example", "neither http"),
            ("ftp://x", "neither http"),
            ("https://x/quiz", "has a path"),
            ("https://x:0", "port"),
            ("https://x:http", "port"),
            ("https://", "no host"),
            ("https://a@b", "user name"),
        ] {
            let message = PublicUrl::parse(bad).unwrap_err();
            assert!(message.contains(why), "{bad}: {message}");
        }
    }

    #[test]
    fn only_the_servers_own_hosts_are_answered() {
        let local: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        let public = [PublicUrl::parse("https://quiz.school.example").unwrap()];
        let reach = Reach::new(local, false, &public);
        for host in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST",
            "quiz.school.example",
            "quiz.school.example.:443",
        ] {
            assert!(reach.allows_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "127.0.0.2:8080",
            "[::1]:8080",
            "quiz.school.example.evil",
        ] {
            assert!(!reach.allows_host(host), "{host}");
        }
        assert_eq!(reach.urls, ["https://quiz.school.example"]);
        assert_eq!(
            reach.base_for(Some("127.0.0.1:8080")),
            "https://quiz.school.example"
        );
    }

    #[test]
    fn bound_to_all_interfaces_the_machines_addresses_are_printed() {
        let local: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        let reach = Reach::new(local, false, &[]);
        assert!(!reach.urls.is_empty());
        for url in &reach.urls {
            assert!(!url.contains("0.0.0.0"), "{url}");
            assert!(("students: ".len() + url.len() + 1) <= 80, "{url}");
        }
        assert!(reach.allows_host("127.0.0.1:8080"));
    }
}
