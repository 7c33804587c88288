# The site's secrets live in Secret Manager, replicated in southamerica-east1 only (automatic
# replication would copy them out of Brazil). Their values are added by the operator
# (docs/deploy-gke.md), never by Terraform: no secret ends up in the state.
locals {
  secrets = {
    "jwt-secret"                 = "EDGE_SECURITY_JWT_SECRET: the same HS256 key as the edge (tokens work on both sites)"
    "cloud-fallback-db-password" = "SPRING_DATASOURCE_PASSWORD: cloud-fallback's database role"
    "edge-heartbeat-password"    = "CLOUD_REPLICATION_EDGE_PASSWORD: the heartbeat/merge role on the edge primary"
    "redis-password"             = "SPRING_DATA_REDIS_PASSWORD: the cloud Redis"
    "cloud-db-superuser"         = "PATRONI_SUPERUSER_PASSWORD: the edge's superuser (the standby is a clone)"
    "cloud-db-replication"       = "PATRONI_REPLICATION_PASSWORD: the edge's replication role"
    "cloud-db-rewind"            = "PATRONI_REWIND_PASSWORD: the edge's rewind role"
  }
  cloud_fallback_secrets = ["jwt-secret", "cloud-fallback-db-password", "edge-heartbeat-password", "redis-password"]
}

resource "google_secret_manager_secret" "site" {
  for_each  = local.secrets
  secret_id = "prontuario-${each.key}"
  labels    = { site = "emergency" }

  annotations = {
    purpose = each.value
  }

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
}

resource "google_secret_manager_secret_iam_member" "cloud_fallback_reads" {
  for_each  = toset(local.cloud_fallback_secrets)
  secret_id = google_secret_manager_secret.site[each.key].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.cloud_fallback.email}"
}
