# GCPFallbackActivated in Cloud Monitoring: the same rule as k8s/monitoring/prometheus-rules.yaml
# (seed 004), on the metric Managed Prometheus scrapes from cloud-fallback
# (k8s/overlays/gke/pod-monitoring.yaml). gcp_fallback_active is 1 once the cloud database is a
# primary, however the activation happened.
resource "google_monitoring_alert_policy" "gcp_fallback_activated" {
  display_name = "GCPFallbackActivated"
  combiner     = "OR"
  severity     = "CRITICAL"

  conditions {
    display_name = "Fallback Emergencial GCP Ativado"
    condition_prometheus_query_language {
      query               = "max(gcp_fallback_active{namespace=\"prontuario-emergency\"}) == 1"
      duration            = "0s"
      evaluation_interval = "30s"
      alert_rule          = "GCPFallbackActivated"
      rule_group          = "alta_disponibilidade"
      labels = {
        severity = "critical"
        service  = "fallback-emergencial"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    subject   = "Fallback Emergencial GCP Ativado"
    content   = "Ambos Mac Studios estão inativos, fallback GCP está ativo. Runbook: docs/runbooks/GCPFallbackActivated.md"
  }

  notification_channels = var.alert_notification_channels
}
