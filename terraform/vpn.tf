# The site-to-site link (HA VPN, 99.99 % with both tunnels up): the cloud standby streams WAL from
# the hospital's replication gateway, cloud-fallback writes its heartbeat there, and the hospital's
# HAProxy and failover controller reach cloud-fallback's internal load balancer. BGP announces the
# site's subnet and its pod range (the standby's connections come from pod addresses).
resource "google_compute_ha_vpn_gateway" "hospital" {
  name    = "prontuario-hospital"
  region  = var.region
  network = google_compute_network.emergency.id
}

resource "google_compute_external_vpn_gateway" "hospital" {
  name            = "prontuario-hospital-peer"
  redundancy_type = "TWO_IPS_REDUNDANCY"
  description     = "The hospital's two VPN endpoints (one per internet link)"

  dynamic "interface" {
    for_each = var.hospital_vpn_peer_ips
    content {
      id         = interface.key
      ip_address = interface.value
    }
  }
}

resource "google_compute_router" "hospital" {
  name    = "prontuario-hospital"
  region  = var.region
  network = google_compute_network.emergency.id

  bgp {
    asn               = var.cloud_bgp_asn
    advertise_mode    = "CUSTOM"
    advertised_groups = []

    advertised_ip_ranges {
      range       = google_compute_subnetwork.emergency.ip_cidr_range
      description = "nodes and internal load balancers"
    }
    advertised_ip_ranges {
      range       = google_compute_subnetwork.emergency.secondary_ip_range[0].ip_cidr_range
      description = "pods"
    }
  }
}

resource "google_compute_vpn_tunnel" "hospital" {
  count                           = 2
  name                            = "prontuario-hospital-${count.index}"
  region                          = var.region
  vpn_gateway                     = google_compute_ha_vpn_gateway.hospital.id
  vpn_gateway_interface           = count.index
  peer_external_gateway           = google_compute_external_vpn_gateway.hospital.id
  peer_external_gateway_interface = count.index
  router                          = google_compute_router.hospital.id
  ike_version                     = 2
  shared_secret                   = var.vpn_shared_secret
}

resource "google_compute_router_interface" "hospital" {
  count      = 2
  name       = "prontuario-hospital-${count.index}"
  region     = var.region
  router     = google_compute_router.hospital.name
  ip_range   = "169.254.${count.index}.1/30"
  vpn_tunnel = google_compute_vpn_tunnel.hospital[count.index].name
}

resource "google_compute_router_peer" "hospital" {
  count                     = 2
  name                      = "prontuario-hospital-${count.index}"
  region                    = var.region
  router                    = google_compute_router.hospital.name
  peer_ip_address           = "169.254.${count.index}.2"
  peer_asn                  = var.hospital_bgp_asn
  advertised_route_priority = 100
  interface                 = google_compute_router_interface.hospital[count.index].name
}

# Only the hospital's routed ranges may open connections into the site's VPC; NetworkPolicies
# (k8s/base/network-policies.yaml) narrow it further to HAProxy and the controller.
resource "google_compute_firewall" "from_hospital" {
  name          = "prontuario-from-hospital"
  network       = google_compute_network.emergency.id
  direction     = "INGRESS"
  source_ranges = var.hospital_cidrs

  allow {
    protocol = "tcp"
    ports    = ["8080"]
  }
}
